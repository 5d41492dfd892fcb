/// Renderers of the sizing studies' results (`InferenceSizing`, `TrainingSizing`, `Calibration`):
/// tables for people and JSON objects for programs.
public enum SizingReport {}
