//! The parity checker: runs cases written by real PyTorch (`tests/golden/*.json`) through
//! the core and compares shapes, bits, printed reprs and errors.
