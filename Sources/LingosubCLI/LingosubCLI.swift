/// Namespace for the LingosubCLI module.
package enum LingosubCLIModule {}
