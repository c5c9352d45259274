/** The summary HTML's inline styles, shared by its parts (mail clients drop <style>, so every element carries its own). */
export const FONT = 'font-family:Arial,Helvetica,sans-serif;';
export const INK = '#1f2937';
export const MUTED = '#6b7280';
export const LINE = '#e5e7eb';
export const STEP_COLOR = '#2563eb';
