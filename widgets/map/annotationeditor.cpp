#include "annotationeditor.h"

#include "annotationmenus.h"
#include "annotationoverlay.h"
#include "document/briefdocument.h"
#include "mapcanvas.h"

#include <QContextMenuEvent>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMouseEvent>

#include <cmath>

namespace spheres {

namespace {

constexpr double kClickSlop = 4.0; // pixels a click may move and still be a click

} // namespace

AnnotationEditor::AnnotationEditor(BriefDocument *document, MapCanvas *canvas, QObject *parent)
    : QObject(parent), m_document(document), m_canvas(canvas), m_edits(document, canvas)
{
    m_overlay = new AnnotationOverlay(canvas, [this] { return marks(); });
    m_overlay->setGeometry(canvas->rect());
    m_overlay->show();
    canvas->installEventFilter(this);

    m_askText = [canvas](const QString &title, const QString &current) -> std::optional<QString> {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(canvas, title, tr("Text (long text wraps on the map):"),
                                                            current, &ok);
        return ok ? std::optional<QString>(text) : std::nullopt;
    };

    m_menus = new AnnotationMenus(this, document, canvas);

    const auto sync = [this] {
        m_canvas->setAnnotations(m_document->brief().annotations);
        if (!m_selected.isEmpty() && !m_edits.find(m_selected))
            select({});
        m_overlay->update();
    };
    connect(document, &BriefDocument::annotationsChanged, this, sync);
    connect(document, &BriefDocument::briefReset, this, [this, sync] {
        cancelPlacing();
        m_canvas->setHiddenAnnotations({});
        sync();
    });
    connect(canvas, &MapCanvas::viewChanged, m_overlay, qOverload<>(&QWidget::update));
    sync();
}

QList<QAction *> AnnotationEditor::toolActions() const { return m_menus->toolActions(); }
QAction *AnnotationEditor::deleteAction() const { return m_menus->deleteAction(); }
QMenu *AnnotationEditor::visibilityMenu() const { return m_menus->visibilityMenu(); }

void AnnotationEditor::setTool(Tool tool)
{
    cancelPlacing();
    m_tool = tool;
    m_menus->checkTool(int(tool));
    if (tool == Tool::Select)
        m_canvas->unsetCursor();
    else
        m_canvas->setCursor(Qt::CrossCursor);
    m_overlay->update();
}

void AnnotationEditor::select(const QString &id)
{
    if (id == m_selected)
        return;
    m_selected = id;
    m_overlay->update();
    emit selectionChanged(id);
}

QList<PlacedAnnotation> AnnotationEditor::layout() const
{
    if (!m_canvas->scene())
        return {};
    return m_canvas->renderer().annotationLayout(*m_canvas->scene(), m_canvas->view());
}

std::optional<QPointF> AnnotationEditor::lonLatAt(QPointF pos) const
{
    if (!m_canvas->scene())
        return std::nullopt;
    return m_canvas->scene()->lonLatAt(m_canvas->view(), pos);
}

// --- Input -----------------------------------------------------------------------------------------

bool AnnotationEditor::eventFilter(QObject *watched, QEvent *event)
{
    // A canvas being destroyed still sends events, once it is no longer a MapCanvas (qobject_cast
    // then fails): touching it then is undefined behaviour (UBSan).
    if (watched != m_canvas || !qobject_cast<MapCanvas *>(watched))
        return false;
    if (event->type() == QEvent::Resize)
        m_overlay->setGeometry(m_canvas->rect());
    // Presenting, the map is for showing: clicks go to the presentation, not to editing.
    if (m_canvas->overlay().active)
        return false;
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        const auto *e = static_cast<QMouseEvent *>(event);
        return mousePress(e->position(), e->button());
    }
    case QEvent::MouseMove:
        return mouseMove(static_cast<QMouseEvent *>(event)->position());
    case QEvent::MouseButtonRelease:
        return mouseRelease(static_cast<QMouseEvent *>(event)->position());
    case QEvent::MouseButtonDblClick:
        return doubleClick(static_cast<QMouseEvent *>(event)->position());
    case QEvent::KeyPress:
        return keyPress(static_cast<QKeyEvent *>(event)->key());
    case QEvent::ContextMenu: {
        const auto *e = static_cast<QContextMenuEvent *>(event);
        return contextMenu(e->pos(), e->globalPos());
    }
    default:
        return false;
    }
}

bool AnnotationEditor::mousePress(QPointF pos, Qt::MouseButton button)
{
    if (button != Qt::LeftButton)
        return false;
    m_pointer = pos;
    switch (m_tool) {
    case Tool::Select: {
        const QList<PlacedAnnotation> placed = layout();
        const AnnotationHit hit = AnnotationPainter::hitTest(placed, pos);
        if (!hit) {
            select({}); // and the canvas selects what is under the click
            return false;
        }
        select(hit.id);
        const auto it = std::find_if(placed.begin(), placed.end(),
                                     [&](const PlacedAnnotation &p) { return p.annotation.id == hit.id; });
        m_drag = Drag{it->annotation, hit.part, pos, it->textBox.center(), false};
        return true;
    }
    case Tool::Arrow:
        m_arrowTail = pos;
        return true;
    case Tool::Area: {
        // A double-click's second press lands on the last corner: no corner twice.
        const auto last = m_areaPoints.isEmpty() ? std::nullopt
                                                 : m_canvas->scene()->pixelOf(m_canvas->view(), m_areaPoints.last());
        const auto lonLat = lonLatAt(pos);
        if (lonLat && !(last && std::hypot(last->x() - pos.x(), last->y() - pos.y()) <= kClickSlop))
            m_areaPoints << *lonLat;
        m_overlay->update();
        return true;
    }
    case Tool::Callout:
    case Tool::Pin:
    case Tool::Region:
        m_pressAt = pos;
        return true;
    }
    return false;
}

bool AnnotationEditor::mouseMove(QPointF pos)
{
    m_pointer = pos;
    if (m_drag) {
        if (!m_drag->moved && std::hypot(pos.x() - m_drag->pressPos.x(), pos.y() - m_drag->pressPos.y()) < kClickSlop)
            return true;
        m_drag->moved = true;
        m_edits.preview(dragged(*m_drag, pos));
        return true;
    }
    if (m_tool == Tool::Select) {
        // The pointer tells what can be grabbed.
        const AnnotationHit hit = AnnotationPainter::hitTest(layout(), pos);
        if (hit)
            m_canvas->setCursor(hit.part == AnnotationHit::Part::Text || hit.part == AnnotationHit::Part::Body
                                    ? Qt::SizeAllCursor
                                    : Qt::CrossCursor);
        else if (m_canvas->cursor().shape() == Qt::SizeAllCursor || m_canvas->cursor().shape() == Qt::CrossCursor)
            m_canvas->unsetCursor();
        return false;
    }
    if (m_arrowTail || !m_areaPoints.isEmpty())
        m_overlay->update();
    return m_arrowTail.has_value();
}

bool AnnotationEditor::mouseRelease(QPointF pos)
{
    if (m_drag) {
        const Drag drag = *std::exchange(m_drag, std::nullopt);
        if (drag.moved) {
            const Annotation after = dragged(drag, pos);
            m_edits.commit(after, drag.part == AnnotationHit::Part::Text && after.textOffset ? tr("Move annotation text")
                                                                                             : tr("Move annotation"));
        }
        return true;
    }
    if (m_arrowTail) {
        const QPointF tail = *std::exchange(m_arrowTail, std::nullopt);
        m_overlay->update();
        const auto from = lonLatAt(tail), to = lonLatAt(pos);
        if (from && to && std::hypot(pos.x() - tail.x(), pos.y() - tail.y()) > 3 * kClickSlop) {
            Annotation a;
            a.kind = Annotation::Kind::Arrow;
            a.tail = *from;
            a.anchor = *to;
            add(a, tr("Add arrow"));
        }
        return true;
    }
    if (m_pressAt) {
        const QPointF pressed = *std::exchange(m_pressAt, std::nullopt);
        if (std::hypot(pos.x() - pressed.x(), pos.y() - pressed.y()) <= kClickSlop)
            place(pos);
        return true;
    }
    return m_tool == Tool::Area;
}

bool AnnotationEditor::doubleClick(QPointF pos)
{
    if (m_tool == Tool::Area) {
        mousePress(pos, Qt::LeftButton); // the double-click's place is the last corner
        finishArea();
        return true;
    }
    if (m_tool != Tool::Select)
        return true;
    const AnnotationHit hit = AnnotationPainter::hitTest(layout(), pos);
    if (!hit)
        return false;
    editText(hit.id);
    return true;
}

bool AnnotationEditor::keyPress(int key)
{
    switch (key) {
    case Qt::Key_Escape:
        if (m_tool != Tool::Select) {
            setTool(Tool::Select);
            return true;
        }
        if (!m_selected.isEmpty()) {
            select({});
            return true;
        }
        return false;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_tool == Tool::Area) {
            finishArea();
            return true;
        }
        if (!m_selected.isEmpty()) {
            editText(m_selected);
            return true;
        }
        return false;
    case Qt::Key_Backspace:
        if (!m_selected.isEmpty()) {
            remove(m_selected);
            return true;
        }
        return false;
    default:
        return false;
    }
}

bool AnnotationEditor::contextMenu(QPointF pos, QPoint globalPos)
{
    const AnnotationHit hit = AnnotationPainter::hitTest(layout(), pos);
    const Annotation *a = hit ? m_edits.find(hit.id) : nullptr;
    if (!a)
        return false;
    select(a->id);
    m_menus->execContextMenu(*a, globalPos);
    return true;
}

// --- Placing ---------------------------------------------------------------------------------------

void AnnotationEditor::place(QPointF pos)
{
    const auto lonLat = lonLatAt(pos);
    if (!lonLat)
        return;
    Annotation a;
    a.anchor = *lonLat;
    switch (m_tool) {
    case Tool::Callout: {
        a.kind = Annotation::Kind::Callout;
        const auto text = m_askText(tr("New callout"), QString());
        if (!text || text->trimmed().isEmpty())
            return;
        a.text = *text;
        add(a, tr("Add callout"));
        break;
    }
    case Tool::Pin: {
        a.kind = Annotation::Kind::Pin;
        const auto text = m_askText(tr("New pin"), QString());
        if (!text)
            return;
        a.text = *text;
        add(a, tr("Add pin"));
        break;
    }
    case Tool::Region: {
        const QString code = m_canvas->scene()->regionAt(m_canvas->view(), pos);
        if (code.isEmpty())
            return;
        a.kind = Annotation::Kind::Region;
        a.anchor = {}; // a region is located by its code only
        a.region = code;
        a.colour = Annotation::palette().at(1);
        add(a, tr("Highlight region"));
        break;
    }
    default:
        break;
    }
}

void AnnotationEditor::finishArea()
{
    if (m_areaPoints.size() < 3) {
        cancelPlacing();
        return;
    }
    Annotation a;
    a.kind = Annotation::Kind::Area;
    a.points = std::exchange(m_areaPoints, {});
    a.colour = Annotation::palette().at(3);
    m_overlay->update();
    const auto text = m_askText(tr("New area"), QString());
    if (text)
        a.text = *text;
    add(a, tr("Add area"));
}

void AnnotationEditor::cancelPlacing()
{
    m_areaPoints.clear();
    m_arrowTail.reset();
    m_pressAt.reset();
    if (m_drag) {
        m_drag.reset();
        m_edits.endPreview();
    }
    m_overlay->update();
}

void AnnotationEditor::add(const Annotation &annotation, const QString &what)
{
    const QString id = m_edits.add(annotation, what);
    // One mark at a time, as drawing programs do: back to selecting, with the new mark selected.
    setTool(Tool::Select);
    select(id);
}

// --- Editing ---------------------------------------------------------------------------------------

Annotation AnnotationEditor::dragged(const Drag &drag, QPointF pos) const
{
    Annotation a = drag.original;
    const QPointF moved = pos - drag.pressPos;
    const double k = m_canvas->view().styleScale;
    auto part = drag.part;
    if (part == AnnotationHit::Part::Text) {
        if (a.kind == Annotation::Kind::Arrow)
            part = AnnotationHit::Part::Tail;
        else if (a.kind == Annotation::Kind::Area)
            part = AnnotationHit::Part::Body;
    }
    switch (part) {
    case AnnotationHit::Part::Text: {
        if (a.kind != Annotation::Kind::Callout && a.kind != Annotation::Kind::Pin)
            break; // a region's text follows its region
        const auto anchor = m_canvas->scene()->pixelOf(m_canvas->view(), a.anchor);
        if (anchor)
            a.textOffset = (drag.textCentre + moved - *anchor) / k;
        break;
    }
    case AnnotationHit::Part::Anchor:
        if (const auto lonLat = lonLatAt(pos))
            a.anchor = *lonLat;
        break;
    case AnnotationHit::Part::Tail:
        if (const auto lonLat = lonLatAt(pos))
            a.tail = *lonLat;
        break;
    case AnnotationHit::Part::Body: {
        const auto from = lonLatAt(drag.pressPos), to = lonLatAt(pos);
        if (from && to && a.kind != Annotation::Kind::Region)
            a.translate(*to - *from);
        break;
    }
    case AnnotationHit::Part::None:
        break;
    }
    return a;
}

void AnnotationEditor::editText(const QString &id) { m_edits.editText(id, m_askText); }
void AnnotationEditor::setColour(const QString &id, const QString &colour) { m_edits.setColour(id, colour); }
void AnnotationEditor::setTextSize(const QString &id, double size) { m_edits.setTextSize(id, size); }
void AnnotationEditor::resetTextPosition(const QString &id) { m_edits.resetTextPosition(id); }

void AnnotationEditor::remove(const QString &id)
{
    if (!m_edits.find(id))
        return;
    select({});
    m_edits.remove(id);
}

void AnnotationEditor::setShown(const QString &id, bool shown)
{
    QStringList hidden = m_canvas->view().hiddenAnnotations;
    hidden.removeAll(id);
    if (!shown)
        hidden << id;
    if (!shown && id == m_selected)
        select({});
    m_canvas->setHiddenAnnotations(hidden);
}

// --- Overlay -----------------------------------------------------------------------------------------

AnnotationOverlay::Marks AnnotationEditor::marks() const
{
    AnnotationOverlay::Marks marks;
    if (m_canvas->overlay().active)
        return marks;
    if (!m_selected.isEmpty() && !m_drag) {
        const QList<PlacedAnnotation> placed = layout();
        const auto it = std::find_if(placed.begin(), placed.end(),
                                     [this](const PlacedAnnotation &p) { return p.annotation.id == m_selected; });
        if (it != placed.end())
            marks.selected = *it;
    }
    if (m_arrowTail)
        marks.arrow = QLineF(*m_arrowTail, m_pointer);
    if (!m_areaPoints.isEmpty() && m_canvas->scene()) {
        for (QPointF lonLat : m_areaPoints)
            if (const auto px = m_canvas->scene()->pixelOf(m_canvas->view(), lonLat))
                marks.area << *px;
        marks.area << m_pointer;
    }
    return marks;
}

} // namespace spheres
