/// Namespace for the Aggregation module.
package enum AggregationModule {}
