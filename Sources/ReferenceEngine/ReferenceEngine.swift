/// Namespace for the ReferenceEngine module.
package enum ReferenceEngineModule {}
