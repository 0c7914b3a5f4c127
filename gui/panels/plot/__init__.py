"""The plot of f, f′, f″ and the tangent along the swept variable."""
