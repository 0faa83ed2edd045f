#include "annotationeditor.h"

#include "briefdocument.h"
#include "mapcanvas.h"

#include <QAction>
#include <QActionGroup>
#include <QContextMenuEvent>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QWidget>

#include <cmath>

namespace spheres {

namespace {

/// Paints the editor's marks (selection handles, the shape being drawn) over the canvas; lets
/// every mouse event through to the canvas below.
class Overlay : public QWidget
{
public:
    Overlay(QWidget *parent, std::function<void(QPainter &)> paint) : QWidget(parent), m_paint(std::move(paint))
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
        setFocusPolicy(Qt::NoFocus);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        m_paint(painter);
    }

private:
    std::function<void(QPainter &)> m_paint;
};

constexpr double kClickSlop = 4.0; // pixels a click may move and still be a click

QIcon swatchIcon(const QColor &colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(colour.darker(130));
    p.setBrush(colour);
    p.drawRoundedRect(QRectF(1.5, 1.5, 13, 13), 3, 3);
    return QIcon(pixmap);
}

} // namespace

AnnotationEditor::AnnotationEditor(BriefDocument *document, MapCanvas *canvas, QObject *parent)
    : QObject(parent), m_document(document), m_canvas(canvas)
{
    m_overlay = new Overlay(canvas, [this](QPainter &painter) { paintOverlay(painter); });
    m_overlay->setGeometry(canvas->rect());
    m_overlay->show();
    canvas->installEventFilter(this);

    m_askText = [canvas](const QString &title, const QString &current) -> std::optional<QString> {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(canvas, title, tr("Text (long text wraps on the map):"),
                                                            current, &ok);
        return ok ? std::optional<QString>(text) : std::nullopt;
    };

    m_tools = new QActionGroup(this);
    m_tools->setExclusive(true);
    const auto tool = [this](Tool t, const QString &text, const QString &shortcut, const QString &tip) {
        QAction *action = m_tools->addAction(text);
        action->setCheckable(true);
        action->setData(int(t));
        if (!shortcut.isEmpty())
            action->setShortcut(QKeySequence(shortcut));
        action->setToolTip(tip);
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, this, [this, t] { setTool(t); });
    };
    tool(Tool::Select, tr("&Select and move"), tr("Ctrl+Shift+1"),
         tr("Click an annotation to select it, drag to move it, double-click to edit its text"));
    tool(Tool::Callout, tr("&Callout"), tr("Ctrl+Shift+2"), tr("Click the spot the callout points at, then type its text"));
    tool(Tool::Arrow, tr("&Arrow"), tr("Ctrl+Shift+3"), tr("Drag from the arrow's tail to what it points at"));
    tool(Tool::Pin, tr("&Pin"), tr("Ctrl+Shift+4"), tr("Click to place a pin, then type its label (or leave it empty)"));
    tool(Tool::Area, tr("A&rea"), tr("Ctrl+Shift+5"),
         tr("Click the corners of an area; double-click or Enter closes it, Esc cancels"));
    tool(Tool::Region, tr("&Highlight a region"), tr("Ctrl+Shift+6"), tr("Click a country to highlight it"));
    m_tools->actions().first()->setChecked(true);

    m_delete = new QAction(tr("&Delete annotation"), this);
    m_delete->setShortcuts({QKeySequence::Delete});
    m_delete->setShortcutContext(Qt::WidgetShortcut); // the canvas's Delete only; text fields keep theirs
    canvas->addAction(m_delete);
    m_delete->setEnabled(false);
    connect(m_delete, &QAction::triggered, this, [this] { remove(m_selected); });

    m_visibility = new QMenu(tr("&Annotations shown"));
    connect(m_visibility, &QMenu::aboutToShow, this, &AnnotationEditor::rebuildVisibilityMenu);
    connect(this, &QObject::destroyed, m_visibility, &QObject::deleteLater);

    const auto sync = [this] {
        m_canvas->setAnnotations(m_document->brief().annotations);
        if (!m_selected.isEmpty() && !find(m_selected))
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

QList<QAction *> AnnotationEditor::toolActions() const { return m_tools->actions(); }

void AnnotationEditor::setTool(Tool tool)
{
    cancelPlacing();
    m_tool = tool;
    for (QAction *action : m_tools->actions())
        if (action->data().toInt() == int(tool))
            action->setChecked(true);
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
    m_delete->setEnabled(!id.isEmpty());
    m_overlay->update();
    emit selectionChanged(id);
}

const Annotation *AnnotationEditor::find(const QString &id) const { return m_document->brief().annotation(id); }

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
        showPreview(dragged(*m_drag, pos));
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
            commit(after, drag.part == AnnotationHit::Part::Text && after.textOffset ? tr("Move annotation text")
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
    const Annotation *a = hit ? find(hit.id) : nullptr;
    if (!a)
        return false;
    select(a->id);
    const QString id = a->id;
    QMenu menu(m_canvas);
    menu.addAction(tr("Edit &text…"), this, [this, id] { editText(id); });
    QMenu *colours = menu.addMenu(tr("&Colour"));
    const QStringList names{tr("Vermilion"), tr("Blue"), tr("Bluish green"), tr("Reddish purple"), tr("Orange"),
                            tr("Sky blue"), tr("Black")};
    const QStringList palette = Annotation::palette();
    for (qsizetype i = 0; i < palette.size(); ++i) {
        QAction *action = colours->addAction(swatchIcon(QColor(palette[i])), names.value(i, palette[i]), this,
                                             [this, id, c = palette[i]] { setColour(id, c); });
        action->setCheckable(true);
        action->setChecked(a->colour == palette[i]);
    }
    QMenu *sizes = menu.addMenu(tr("Text &size"));
    const QList<std::pair<QString, double>> sizeChoices{
        {tr("Small"), 9.0}, {tr("Normal"), 11.0}, {tr("Large"), 14.0}, {tr("Extra large"), 18.0}};
    for (const auto &[name, size] : sizeChoices) {
        QAction *action = sizes->addAction(name, this, [this, id, s = size] { setTextSize(id, s); });
        action->setCheckable(true);
        action->setChecked(std::abs(a->textSize - size) < 0.01);
    }
    if (a->textOffset)
        menu.addAction(tr("&Place text automatically"), this, [this, id] { resetTextPosition(id); });
    menu.addSeparator();
    menu.addAction(tr("&Hide on this map"), this, [this, id] { setShown(id, false); });
    menu.addAction(m_delete);
    menu.exec(globalPos);
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
        m_canvas->setAnnotations(m_document->brief().annotations);
    }
    m_overlay->update();
}

void AnnotationEditor::add(Annotation annotation, const QString &what)
{
    QList<Annotation> after = m_document->brief().annotations;
    annotation.id = nextAnnotationId(after);
    after << annotation;
    m_document->editAnnotations(after, what);
    // One mark at a time, as drawing programs do: back to selecting, with the new mark selected.
    setTool(Tool::Select);
    select(annotation.id);
}

void AnnotationEditor::commit(const Annotation &annotation, const QString &what)
{
    QList<Annotation> after = m_document->brief().annotations;
    for (Annotation &a : after)
        if (a.id == annotation.id)
            a = annotation;
    m_document->editAnnotations(after, what);
    m_canvas->setAnnotations(m_document->brief().annotations); // also when nothing changed after all
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

void AnnotationEditor::showPreview(const Annotation &annotation)
{
    QList<Annotation> preview = m_document->brief().annotations;
    for (Annotation &a : preview)
        if (a.id == annotation.id)
            a = annotation;
    m_canvas->setAnnotations(preview);
}

void AnnotationEditor::editText(const QString &id)
{
    const Annotation *a = find(id);
    if (!a)
        return;
    const auto text = m_askText(tr("Edit annotation"), a->text);
    if (!text || (a->kind == Annotation::Kind::Callout && text->trimmed().isEmpty()))
        return; // a callout without text would be a dot: delete it instead
    Annotation after = *a;
    after.text = *text;
    commit(after, tr("Edit annotation text"));
}

void AnnotationEditor::setColour(const QString &id, const QString &colour)
{
    if (const Annotation *a = find(id)) {
        Annotation after = *a;
        after.colour = colour;
        commit(after, tr("Change annotation colour"));
    }
}

void AnnotationEditor::setTextSize(const QString &id, double size)
{
    if (const Annotation *a = find(id)) {
        Annotation after = *a;
        after.textSize = size;
        commit(after, tr("Change annotation text size"));
    }
}

void AnnotationEditor::resetTextPosition(const QString &id)
{
    if (const Annotation *a = find(id)) {
        Annotation after = *a;
        after.textOffset.reset();
        commit(after, tr("Place annotation text automatically"));
    }
}

void AnnotationEditor::remove(const QString &id)
{
    QList<Annotation> after = m_document->brief().annotations;
    const auto removed = after.removeIf([&](const Annotation &a) { return a.id == id; });
    if (removed == 0)
        return;
    select({});
    m_document->editAnnotations(after, tr("Delete annotation"));
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

void AnnotationEditor::rebuildVisibilityMenu()
{
    m_visibility->clear();
    const QList<Annotation> &annotations = m_document->brief().annotations;
    if (annotations.isEmpty()) {
        m_visibility->addAction(tr("No annotations"))->setEnabled(false);
        return;
    }
    m_visibility->addAction(tr("Show &all"), this, [this] { m_canvas->setHiddenAnnotations({}); });
    m_visibility->addSeparator();
    for (const Annotation &a : annotations) {
        QString label = a.text.simplified();
        if (label.size() > 48)
            label = label.left(47) + QChar(0x2026);
        if (label.isEmpty())
            label = a.kind == Annotation::Kind::Region ? tr("Highlight: %1").arg(a.region) : Annotation::kindKey(a.kind);
        QAction *action = m_visibility->addAction(label);
        action->setCheckable(true);
        action->setChecked(!m_canvas->view().hiddenAnnotations.contains(a.id));
        connect(action, &QAction::toggled, this, [this, id = a.id](bool on) { setShown(id, on); });
    }
}

// --- Overlay -----------------------------------------------------------------------------------------

void AnnotationEditor::paintOverlay(QPainter &painter) const
{
    if (m_canvas->overlay().active)
        return;
    const QColor accent(0x00, 0x72, 0xb2);
    if (!m_selected.isEmpty() && !m_drag) {
        for (const PlacedAnnotation &p : layout()) {
            if (p.annotation.id != m_selected)
                continue;
            painter.setPen(QPen(accent, 1, Qt::DashLine));
            painter.setBrush(Qt::NoBrush);
            // A callout's or pin's frame is its text box: the map between it and the anchor
            // is not part of it (a click there selects what is under it).
            const bool framesText = (p.annotation.kind == Annotation::Kind::Callout || p.annotation.kind == Annotation::Kind::Pin)
                                    && !p.textBox.isEmpty();
            painter.drawRect((framesText ? p.textBox : p.bounds()).adjusted(-4, -4, 4, 4));
            painter.setPen(QPen(Qt::white, 1.5));
            painter.setBrush(accent);
            QList<QPointF> handles{p.anchor};
            if (p.annotation.kind == Annotation::Kind::Arrow)
                handles << p.tail;
            for (QPointF h : handles)
                painter.drawRect(QRectF(h - QPointF(4, 4), QSizeF(8, 8)));
        }
    }
    QPen drawing(accent, 2, Qt::DashLine);
    painter.setPen(drawing);
    painter.setBrush(Qt::NoBrush);
    if (m_arrowTail)
        painter.drawLine(*m_arrowTail, m_pointer);
    if (!m_areaPoints.isEmpty() && m_canvas->scene()) {
        QPolygonF outline;
        for (QPointF lonLat : m_areaPoints)
            if (const auto px = m_canvas->scene()->pixelOf(m_canvas->view(), lonLat))
                outline << *px;
        outline << m_pointer;
        painter.drawPolyline(outline);
        painter.setPen(QPen(Qt::white, 1.5));
        painter.setBrush(accent);
        for (qsizetype i = 0; i + 1 < outline.size(); ++i)
            painter.drawEllipse(outline[i], 4, 4);
    }
}

} // namespace spheres
