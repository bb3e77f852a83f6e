/// Namespace for the CommandLineSupport module.
package enum CommandLineSupportModule {}
