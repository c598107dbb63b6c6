"""NetDesigner's PyTorch engine: layers, data and the trainer (see the modules)."""
