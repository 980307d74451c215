internal import CPoppler

/// Copies a C string that glib allocated into a Swift `String` and frees it with `g_free`.
/// Returns nil for NULL or for an empty string after trimming.
func takeGString(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
    guard let pointer else { return nil }
    defer { g_free(pointer) }
    let value = String(cString: pointer)
    return value.isEmpty ? nil : value
}
