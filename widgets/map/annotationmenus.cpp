#include "annotationmenus.h"

#include "annotationeditor.h"
#include "document/briefdocument.h"
#include "mapcanvas.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QPainter>
#include <QPixmap>

#include <cmath>

namespace spheres {

namespace {

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

AnnotationMenus::AnnotationMenus(AnnotationEditor *editor, BriefDocument *document, MapCanvas *canvas)
    : QObject(editor), m_editor(editor), m_document(document), m_canvas(canvas)
{
    m_tools = new QActionGroup(this);
    m_tools->setExclusive(true);
    addTools();

    m_delete = new QAction(tr("&Delete annotation"), this);
    m_delete->setShortcuts({QKeySequence::Delete});
    m_delete->setShortcutContext(Qt::WidgetShortcut); // the canvas's Delete only; text fields keep theirs
    canvas->addAction(m_delete);
    m_delete->setEnabled(false);
    connect(m_delete, &QAction::triggered, this, [this] { m_editor->remove(m_editor->selected()); });
    connect(editor, &AnnotationEditor::selectionChanged, m_delete,
            [this](const QString &id) { m_delete->setEnabled(!id.isEmpty()); });

    m_visibility = new QMenu(tr("&Annotations shown"));
    connect(m_visibility, &QMenu::aboutToShow, this, &AnnotationMenus::rebuildVisibilityMenu);
    connect(this, &QObject::destroyed, m_visibility, &QObject::deleteLater);
}

void AnnotationMenus::addTools()
{
    using Tool = AnnotationEditor::Tool;
    const auto tool = [this](Tool t, const QString &text, const QString &shortcut, const QString &tip) {
        QAction *action = m_tools->addAction(text);
        action->setCheckable(true);
        action->setData(int(t));
        if (!shortcut.isEmpty())
            action->setShortcut(QKeySequence(shortcut));
        action->setToolTip(tip);
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, m_editor, [this, t] { m_editor->setTool(t); });
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
}

QList<QAction *> AnnotationMenus::toolActions() const { return m_tools->actions(); }

void AnnotationMenus::checkTool(int tool)
{
    for (QAction *action : m_tools->actions())
        if (action->data().toInt() == tool)
            action->setChecked(true);
}

void AnnotationMenus::execContextMenu(const Annotation &annotation, QPoint globalPos)
{
    const QString id = annotation.id;
    QMenu menu(m_canvas);
    menu.addAction(tr("Edit &text…"), this, [this, id] { m_editor->editText(id); });
    QMenu *colours = menu.addMenu(tr("&Colour"));
    const QStringList names{tr("Vermilion"), tr("Blue"), tr("Bluish green"), tr("Reddish purple"), tr("Orange"),
                            tr("Sky blue"), tr("Black")};
    const QStringList palette = Annotation::palette();
    for (qsizetype i = 0; i < palette.size(); ++i) {
        QAction *action = colours->addAction(swatchIcon(QColor(palette[i])), names.value(i, palette[i]), this,
                                             [this, id, c = palette[i]] { m_editor->setColour(id, c); });
        action->setCheckable(true);
        action->setChecked(annotation.colour == palette[i]);
    }
    QMenu *sizes = menu.addMenu(tr("Text &size"));
    const QList<std::pair<QString, double>> sizeChoices{
        {tr("Small"), 9.0}, {tr("Normal"), 11.0}, {tr("Large"), 14.0}, {tr("Extra large"), 18.0}};
    for (const auto &[name, size] : sizeChoices) {
        QAction *action = sizes->addAction(name, this, [this, id, s = size] { m_editor->setTextSize(id, s); });
        action->setCheckable(true);
        action->setChecked(std::abs(annotation.textSize - size) < 0.01);
    }
    if (annotation.textOffset)
        menu.addAction(tr("&Place text automatically"), this, [this, id] { m_editor->resetTextPosition(id); });
    menu.addSeparator();
    menu.addAction(tr("&Hide on this map"), this, [this, id] { m_editor->setShown(id, false); });
    menu.addAction(m_delete);
    menu.exec(globalPos);
}

void AnnotationMenus::rebuildVisibilityMenu()
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
        connect(action, &QAction::toggled, this, [this, id = a.id](bool on) { m_editor->setShown(id, on); });
    }
}

} // namespace spheres
