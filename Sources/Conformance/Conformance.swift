/// Namespace for the Conformance module.
package enum ConformanceModule {}
