#pragma once

#include "annotation.h"
#include "annotationedits.h"
#include "annotationoverlay.h"
#include "annotationpainter.h"

#include <QObject>
#include <QPointF>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace spheres {

class AnnotationMenus;
class BriefDocument;
class MapCanvas;

/// Puts annotations on the map and edits them in place: a tool places a callout, an arrow, a pin,
/// an area or a region highlight; in the default tool a click selects an annotation, a drag moves
/// its text, its anchor or the whole mark, a double-click edits its text, the context menu
/// restyles, hides or deletes it, and Delete removes it. Every change is one undoable edit of
/// the brief (AnnotationEdits); the commands' actions and menus are AnnotationMenus'. It watches
/// the canvas's input through an event filter, so the canvas itself knows nothing of editing.
class AnnotationEditor : public QObject
{
    Q_OBJECT
public:
    enum class Tool { Select, Callout, Arrow, Pin, Area, Region };

    AnnotationEditor(BriefDocument *document, MapCanvas *canvas, QObject *parent = nullptr);

    /// The tools as exclusive, checkable actions with shortcuts, for a menu and a toolbar.
    QList<QAction *> toolActions() const;
    QAction *deleteAction() const;
    /// A menu of the brief's annotations, each checked when the current map shows it.
    QMenu *visibilityMenu() const;
    Tool tool() const { return m_tool; }
    void setTool(Tool tool);
    QString selected() const { return m_selected; }
    void select(const QString &id);

    /// Asks for an annotation's text: (dialog title, current text) → the new text, or nothing
    /// when the user cancels. A dialog by default; tests answer it themselves.
    using AskText = AnnotationEdits::AskText;
    void setAskText(AskText ask) { m_askText = std::move(ask); }

    // Edits of one annotation, each one undoable step (the context menu uses them).
    void editText(const QString &id);
    void setColour(const QString &id, const QString &colour);
    void setTextSize(const QString &id, double size);
    void resetTextPosition(const QString &id);
    void remove(const QString &id);
    /// Leaves the annotation out of the current map (and of a view saved from it); not an edit of the brief.
    void setShown(const QString &id, bool shown);

signals:
    void selectionChanged(const QString &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool mousePress(QPointF pos, Qt::MouseButton button);
    bool mouseMove(QPointF pos);
    bool mouseRelease(QPointF pos);
    bool doubleClick(QPointF pos);
    bool keyPress(int key);
    bool contextMenu(QPointF pos, QPoint globalPos);
    void place(QPointF pos);
    void finishArea();
    void cancelPlacing();
    void add(const Annotation &annotation, const QString &what);
    QList<PlacedAnnotation> layout() const;
    std::optional<QPointF> lonLatAt(QPointF pos) const;
    AnnotationOverlay::Marks marks() const;

    BriefDocument *m_document;
    MapCanvas *m_canvas;
    AnnotationEdits m_edits;
    QWidget *m_overlay;
    AnnotationMenus *m_menus;
    Tool m_tool = Tool::Select;
    QString m_selected;
    AskText m_askText;

    struct Drag
    {
        Annotation original;
        AnnotationHit::Part part;
        QPointF pressPos;
        QPointF textCentre; ///< the text box's centre at the press
        bool moved = false;
    };
    std::optional<Drag> m_drag;
    /// The annotation being dragged, as the drag so far has changed it.
    Annotation dragged(const Drag &drag, QPointF pos) const;
    std::optional<QPointF> m_arrowTail; ///< pixels, while an arrow is drawn
    QPointF m_pointer;                  ///< last pointer position, for shapes in progress
    QList<QPointF> m_areaPoints;        ///< lon/lat, while an area is drawn
    std::optional<QPointF> m_pressAt;   ///< where a placing click began
};

} // namespace spheres
