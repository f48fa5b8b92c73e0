#!/usr/bin/env python3
"""Writes a JSON lines corpus of N short Arabic news items (about 250 characters each, all different), the
input of `benches/document_import.rs` and of timing the real command:

    python3 benches/short_corpus.py 10000 > /tmp/short.jsonl
    tarmeez new /tmp/p --name bench && time tarmeez import-docs /tmp/p /tmp/short.jsonl
"""
import json
import sys

PLACES = ["دير الزور", "الميادين", "البوكمال", "الرقة", "حلب", "إدلب", "درعا", "حمص"]
ACTORS = ["مليشيا أبو الفضل العباس", "قوات التحالف الدولي", "فصائل المعارضة", "القوات الحكومية"]


def item(i: int) -> dict:
    place, actor = PLACES[i % len(PLACES)], ACTORS[i % len(ACTORS)]
    text = (
        f"خبر رقم {i}: قصفت {actor} مواقع قرب {place} صباح اليوم، "
        f"وأفادت مصادر محلية بسقوط {i % 17} قتلى وعدد من الجرحى. "
        "وردت القوات المستهدفة بقصف مدفعي على مصادر النيران، ولم تعلق أي جهة رسمية على الحادثة حتى الآن."
    )
    return {"id": f"n{i}", "text": text}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    out = sys.stdout
    for i in range(n):
        out.write(json.dumps(item(i), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
