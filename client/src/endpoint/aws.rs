//! The AWS rules functions besides `aws.partition`: `aws.parseArn` and
//! `aws.isVirtualHostableS3Bucket`.

use super::Value;

/// `arn:partition:service:region:account:resource` into a record, the resource split on `:`
/// and `/`; unset when it is not an ARN (partition, service and resource must be non-empty).
pub(super) fn parse_arn(arn: &str) -> Option<Value> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let [prefix, partition, service, region, account, resource] = parts[..] else {
        return None;
    };
    if prefix != "arn" || partition.is_empty() || service.is_empty() || resource.is_empty() {
        return None;
    }
    let resource_id = resource.split([':', '/']).map(Value::from).collect();
    Some(Value::record([
        ("partition", Value::from(partition)),
        ("service", Value::from(service)),
        ("region", Value::from(region)),
        ("accountId", Value::from(account)),
        ("resourceId", Value::Array(resource_id)),
    ]))
}

/// Whether a bucket name can be the first label of a virtual-hosted S3 host: 3 to 63
/// lower-case letters, digits and `-` (and `.` with `allow_subdomains`), starting and ending
/// with a letter or digit; with dots, never two separators in a row nor an IPv4 address.
pub(super) fn is_virtual_hostable_s3_bucket(bucket: &str, allow_subdomains: bool) -> bool {
    let bytes = bucket.as_bytes();
    let edge = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let inner = |b: &u8| edge(b) || *b == b'-' || (allow_subdomains && *b == b'.');
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if !(3..=63).contains(&bytes.len()) || !edge(first) || !edge(last) || !bytes.iter().all(inner) {
        return false;
    }
    if !allow_subdomains {
        return true;
    }
    let separators_adjacent = bytes
        .windows(2)
        .any(|w| matches!(w[0], b'.' | b'-') && matches!(w[1], b'.' | b'-'));
    let ipv4_like = {
        let parts: Vec<&str> = bucket.split('.').collect();
        parts.len() == 4
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    !separators_adjacent && !ipv4_like
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arns() {
        let Some(Value::Record(arn)) =
            parse_arn("arn:aws:s3:us-west-2:123456789012:accesspoint/my:end")
        else {
            panic!("an ARN")
        };
        assert_eq!(arn["service"], Value::from("s3"));
        assert_eq!(
            arn["resourceId"],
            Value::Array(vec!["accesspoint".into(), "my".into(), "end".into()])
        );
        assert!(parse_arn("arn:aws:s3:::bucket").is_some());
        for bad in [
            "arn:aws:s3:us-west-2:123",
            "arn::s3:r:a:res",
            "urn:aws:s3:r:a:res",
            "arn:aws:s3:r:a:",
        ] {
            assert_eq!(parse_arn(bad), None, "{bad}");
        }
    }

    #[test]
    fn buckets() {
        for (bucket, dots, ok) in [
            ("my-bucket", false, true),
            ("my.bucket", false, false),
            ("my.bucket", true, true),
            ("ab", false, false),
            ("Bucket", false, false),
            ("bucket-", false, false),
            ("my..bucket", true, false),
            ("my.-bucket", true, false),
            ("192.168.0.1", true, false),
        ] {
            assert_eq!(
                is_virtual_hostable_s3_bucket(bucket, dots),
                ok,
                "{bucket} {dots}"
            );
        }
    }
}
