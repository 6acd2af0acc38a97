/** How a status label is coloured: dark text on a tinted ground, each at least 4.5:1. */
export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger'
