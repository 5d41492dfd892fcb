internal import CCoinOR

extension CoinORSolver {
  /// The version of the linked CLP library, such as 1.17.6.
  public static var clpVersion: String { String(cString: Clp_Version()) }

  /// The version of the linked CBC library, such as 2.10.8.
  public static var cbcVersion: String { String(cString: Cbc_getVersion()) }
}
