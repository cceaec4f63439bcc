//! Reading a data file's bytes as text: UTF-8, with a byte-order mark allowed (Excel
//! writes one), and a problem that says where and what to do otherwise.

/// The text of `bytes`, or why it is not UTF-8: the line, the column (in bytes) and the
/// offending byte, with what to do about it.
pub(crate) fn utf8_text(bytes: Vec<u8>) -> Result<String, (Option<usize>, String)> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err((
            None,
            "it is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8 \
             (in Excel: \"CSV UTF-8\")"
                .into(),
        ));
    }
    let bytes = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        // A line count once per unreadable file: no need of a faster count.
        #[allow(clippy::naive_bytecount)]
        let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        let column = 1 + at
            - bytes[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
        (
            Some(line),
            format!(
                "not UTF-8 at byte {column} of the line (0x{:02X}): save the file as UTF-8 (it \
                 may be Windows-1251 or Latin-1; in Excel: \"CSV UTF-8\")",
                bytes[at]
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_or_without_a_bom_reads() {
        assert_eq!(
            utf8_text(b"\xEF\xBB\xBFid,kind\n".to_vec()).unwrap(),
            "id,kind\n"
        );
        assert_eq!(utf8_text("Өскемен".as_bytes().to_vec()).unwrap(), "Өскемен");
    }

    #[test]
    fn other_encodings_name_the_line_and_byte() {
        // "Алматы" in Windows-1251 on the second line.
        let (line, why) = utf8_text(b"id,kind\n\xC0\xEB\xEC\xE0\xF2\xFB\n".to_vec()).unwrap_err();
        assert_eq!(line, Some(2));
        assert!(
            why.starts_with("not UTF-8 at byte 1 of the line (0xC0)"),
            "{why}"
        );
        let (line, why) = utf8_text(b"\xFF\xFEi\0d\0".to_vec()).unwrap_err();
        assert_eq!(line, None);
        assert!(why.contains("UTF-16"), "{why}");
    }
}
