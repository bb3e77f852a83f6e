/// Namespace for the Sim module.
package enum SimModule {}
