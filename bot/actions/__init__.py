"""Custom actions of the Wegwijs bot, served by the rasa-sdk action server."""
