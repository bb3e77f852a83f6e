/// Namespace for the Runtime module.
package enum RuntimeModule {}
