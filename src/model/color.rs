//! Colours of entity types, written as `"#rrggbb"` in project files.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub [u8; 3]);

/// The text is not a `#rrggbb` colour.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a colour: write it as #rrggbb, for example #c0392b")]
pub struct BadColor(pub String);

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

impl FromStr for Rgb {
    type Err = BadColor;
    fn from_str(s: &str) -> Result<Self, BadColor> {
        let bad = || BadColor(s.to_owned());
        let hex = s.strip_prefix('#').filter(|h| h.len() == 6 && h.is_ascii()).ok_or_else(bad)?;
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
        Ok(Rgb([byte(0)?, byte(2)?, byte(4)?]))
    }
}

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_hex() {
        let c: Rgb = "#C0392b".parse().unwrap();
        assert_eq!(c, Rgb([0xc0, 0x39, 0x2b]));
        assert_eq!(c.to_string(), "#c0392b");
        assert!("c0392b".parse::<Rgb>().is_err());
        assert!("#c0392".parse::<Rgb>().is_err());
        assert!("#zz0000".parse::<Rgb>().is_err());
        assert!("#ééé".parse::<Rgb>().is_err());
    }
}
