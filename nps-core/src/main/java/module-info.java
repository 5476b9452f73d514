/**
 * npskit core: exact Net Promoter Score statistics with no dependency beyond the JDK.
 */
module org.npskit.core {
  exports org.npskit.core;
}
