/// Namespace for the EngineSDK module.
package enum EngineSDKModule {}
