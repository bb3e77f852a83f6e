/// Namespace for the Core module.
package enum CoreModule {}
