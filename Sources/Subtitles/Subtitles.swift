/// Namespace for the Subtitles module.
package enum SubtitlesModule {}
