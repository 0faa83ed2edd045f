#pragma once

#include "annotation.h"

#include <QList>
#include <QObject>

class QAction;
class QActionGroup;
class QMenu;
class QPoint;

namespace spheres {

class AnnotationEditor;
class BriefDocument;
class MapCanvas;

/// The annotation editor's commands as actions and menus: the tools (exclusive, checkable, with
/// shortcuts), Delete, the menu of annotations the map shows, and one annotation's context menu.
/// Each command calls the editor.
class AnnotationMenus : public QObject
{
    Q_OBJECT
public:
    AnnotationMenus(AnnotationEditor *editor, BriefDocument *document, MapCanvas *canvas);

    QList<QAction *> toolActions() const;
    QAction *deleteAction() const { return m_delete; }
    QMenu *visibilityMenu() const { return m_visibility; }
    /// Checks the action of the tool `tool` (an AnnotationEditor::Tool).
    void checkTool(int tool);
    /// Restyle, edit, hide or delete `annotation`, at `globalPos`.
    void execContextMenu(const Annotation &annotation, QPoint globalPos);

private:
    void addTools();
    void rebuildVisibilityMenu();

    AnnotationEditor *m_editor;
    BriefDocument *m_document;
    MapCanvas *m_canvas;
    QActionGroup *m_tools;
    QAction *m_delete;
    QMenu *m_visibility;
};

} // namespace spheres
