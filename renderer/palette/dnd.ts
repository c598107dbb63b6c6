/** The drag-and-drop payload type of palette items (carries the layer type). */
export const PALETTE_MIME = 'application/x-netd-layer';
