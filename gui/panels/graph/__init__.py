"""The recorded graph and its backward pass, step by step."""
