//! [`Limit`]: one `@range` bound, as the rules hold it and a violation reports it.

use std::fmt;

/// One `@range` bound, ready for both integer and floating-point values: the model may give a
/// decimal bound to an integer member, and `min: 0.5` on an integer means `>= 1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limit {
    /// The bound for integer values: the model's, rounded inwards when it is a decimal.
    pub int: i128,
    /// The bound for floating-point values.
    pub float: f64,
    /// Whether the model wrote an integer (so it prints as one).
    pub integral: bool,
}

impl Limit {
    /// An integer bound.
    pub const fn int(value: i128) -> Self {
        Limit {
            int: value,
            float: value as f64,
            integral: true,
        }
    }

    /// A decimal bound: `value` for floating-point values and `int` (rounded inwards: up
    /// for a minimum, down for a maximum) for integer ones.
    pub const fn decimal(value: f64, int: i128) -> Self {
        Limit {
            int,
            float: value,
            integral: false,
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.integral {
            write!(f, "{}", self.int)
        } else {
            write!(f, "{}", self.float)
        }
    }
}

impl serde::Serialize for Limit {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.integral {
            serializer.serialize_i128(self.int)
        } else {
            serializer.serialize_f64(self.float)
        }
    }
}
