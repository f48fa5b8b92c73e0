//! Reading maps whose keys must be unique. A RON (or JSON) map may repeat a key, and serde's map keeps the
//! last value without a word: a layer with `"m6"` twice would lose a mention at its next save. Files are read
//! through [`unique_keys`] instead, which refuses the second key (the store reports it with its line).

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// Deserializes a map, refusing a key given twice: `#[serde(deserialize_with = "unique_keys")]`.
pub fn unique_keys<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    struct UniqueKeys<K, V>(PhantomData<(K, V)>);

    impl<'de, K, V> Visitor<'de> for UniqueKeys<K, V>
    where
        K: Deserialize<'de> + Ord + fmt::Display,
        V: Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map with each key once")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((key, value)) = map.next_entry::<K, V>()? {
                if out.contains_key(&key) {
                    return Err(de::Error::custom(format!("`{key}` is given twice; each id may appear once")));
                }
                out.insert(key, value);
            }
            Ok(out)
        }
    }

    deserializer.deserialize_map(UniqueKeys(PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    struct Holder {
        #[serde(deserialize_with = "unique_keys")]
        map: BTreeMap<String, u32>,
    }

    #[test]
    fn a_key_given_twice_is_refused_and_unique_keys_are_read() {
        let err = ron::from_str::<Holder>(r#"(map: {"a": 1, "b": 2, "a": 3})"#).unwrap_err();
        assert!(err.to_string().contains("`a` is given twice"), "{err}");
        let ok: Holder = ron::from_str(r#"(map: {"a": 1, "b": 2})"#).unwrap();
        assert_eq!(ok.map.len(), 2);
    }
}
