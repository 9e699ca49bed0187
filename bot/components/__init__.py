"""Custom Rasa graph components of the Wegwijs bot."""
