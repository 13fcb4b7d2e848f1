package dev.storyflow.epic;

/**
 * A row of an epic file's stories table {@code | ID | Title | Status | Dependencies |}.
 *
 * @param status the Status cell, or {@code null} when the table has no such column or the cell is empty
 * @param dependsOn the Dependencies cell, or {@code null} when the table has no such column
 */
record TableRow(String storyId, String title, FileValue status, Dependencies dependsOn) {
}
