//! What the XML and query protocols need to know about a shape beyond its serde impls: each
//! member's name on the wire, whether it is an attribute or a flattened list, its namespace,
//! and what it holds. The generated types keep one serde form (their JSON); for a service that
//! speaks XML or query, the generator writes these tables as `static`s, and the runtime's XML
//! reader (`awsgen_runtime::xml`) and query writer (`awsgen_runtime::query`, both the `xml`
//! feature) drive those same serde impls by them, so a structure read from XML writes the same
//! JSON as one read from JSON.

use crate::TimestampFormat;

/// What a position (a member, a list item, a map key or value) holds.
#[derive(Debug, Clone, Copy)]
pub enum Schema {
    Bool,
    /// Any integer type, and an intEnum.
    Integer,
    /// `float` and `double`.
    Float,
    /// bigInteger and bigDecimal.
    BigNumber,
    /// A string, and a string enum.
    String,
    Blob,
    /// A timestamp, in the format the member declares (`None`: the protocol's own).
    Timestamp(Option<TimestampFormat>),
    Document,
    /// A unit union member: no value.
    Unit,
    Structure(&'static Structure),
    Union(&'static Structure),
    List(&'static List),
    Map(&'static Map),
}

/// An XML namespace declaration (`@xmlNamespace`).
#[derive(Debug, Clone, Copy)]
pub struct Namespace {
    pub prefix: Option<&'static str>,
    pub uri: &'static str,
}

/// A structure or union.
#[derive(Debug)]
pub struct Structure {
    /// The element name of the shape when it is a document's root (`@xmlName`, or the shape
    /// name).
    pub name: &'static str,
    pub namespace: Option<Namespace>,
    pub members: &'static [Member],
}

impl Structure {
    /// The member whose serde key (its JSON name) is `key`.
    #[inline]
    pub fn member(&self, key: &str) -> Option<&'static Member> {
        self.members.iter().find(|m| m.key == key)
    }
}

/// A member of a structure or union.
#[derive(Debug)]
pub struct Member {
    /// The key the generated serde impls use (the member's JSON name).
    pub key: &'static str,
    /// Its XML element (or attribute) name and awsQuery key: `@xmlName`, or the member name.
    pub name: &'static str,
    /// Its ec2Query key: `@ec2QueryName`, or `name` with its first letter upper-cased.
    pub ec2_name: &'static str,
    pub attribute: bool,
    /// Bound to a header, label, query parameter, the status code or the payload (restXml):
    /// not an element of the body.
    pub bound: bool,
    /// `@xmlFlattened`: a list's items (a map's entries) are repeated elements named as the
    /// member, with no wrapper.
    pub flattened: bool,
    pub namespace: Option<Namespace>,
    pub schema: Schema,
}

/// A list.
#[derive(Debug)]
pub struct List {
    /// The items' element name (`@xmlName` on the list's member, or `member`).
    pub member: &'static str,
    pub namespace: Option<Namespace>,
    pub item: Schema,
}

/// A map.
#[derive(Debug)]
pub struct Map {
    /// The key's and value's element names (`@xmlName` on them, or `key` and `value`).
    pub key_name: &'static str,
    pub value_name: &'static str,
    pub key_namespace: Option<Namespace>,
    pub value_namespace: Option<Namespace>,
    pub key: Schema,
    pub value: Schema,
}
