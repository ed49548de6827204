import CLibXML2

/// The version of the libxml2 library loaded at run time.
public enum LibXML2Version {
  /// The dotted version, e.g. `2.9.14`, read from the library (not its headers), so a report
  /// stamps what actually parsed its inputs.
  public static var current: String {
    guard let pointer = __xmlParserVersion()?.pointee,
      let number = Int(String(cString: pointer))
    else { return "unknown" }
    return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
  }
}
