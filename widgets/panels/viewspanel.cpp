#include "viewspanel.h"
#include "safetext.h"

#include "document/briefdocument.h"
#include "charts/viewchartsmenu.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace spheres {

ViewsPanel::ViewsPanel(BriefDocument *document, QWidget *parent) : QWidget(parent), m_document(document)
{
    m_list = new QListWidget;
    m_list->setAccessibleName(tr("Views"));
    m_list->setAccessibleDescription(tr("The storyboard: saved maps, in presenting order. A click or Enter shows a view, F2 renames it."));
    // A click shows the view, as a slide sorter does; renaming is F2 or the context menu, so
    // that a second click on the shown view does not open an editor.
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_caption = new QPlainTextEdit;
    m_caption->setPlaceholderText(tr("Caption shown with the view when presenting"));
    m_caption->setAccessibleName(tr("Caption"));
    m_caption->setAccessibleDescription(m_caption->placeholderText());
    m_caption->setTabChangesFocus(true); // a caption is one paragraph: Tab leaves it rather than typing a tab
    m_caption->setMaximumHeight(70);
    setAccessibleName(tr("Views"));
    setFocusProxy(m_list); // the panel is one stop in the window's tab order, starting at the list
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_list, 1);
    auto *captionLabel = new QLabel(tr("Caption"));
    captionLabel->setBuddy(m_caption);
    layout->addWidget(captionLabel);
    layout->addWidget(m_caption);
    layout->addLayout(createButtons());

    connectList();
    connect(m_caption, &QPlainTextEdit::textChanged, this, [this] {
        const int row = currentIndex();
        QList<SavedView> views = m_document->brief().views;
        if (row >= 0 && row < views.size()) {
            views[row].caption = m_caption->toPlainText();
            m_document->editViews(views, tr("Edit caption"));
        }
    });
    connect(m_document, &BriefDocument::viewsChanged, this, &ViewsPanel::reload);
    connect(m_document, &BriefDocument::briefReset, this, &ViewsPanel::reload);
    reload();
}

// Add, Update, Delete and the two arrows that move a view in the storyboard.
QLayout *ViewsPanel::createButtons()
{
    auto *add = new QPushButton(tr("Add"));
    add->setToolTip(tr("Save the current map as a new view"));
    auto *update = new QPushButton(tr("Update"));
    update->setToolTip(tr("Replace the selected view with the current map"));
    auto *remove = new QPushButton(tr("Delete"));
    auto *up = new QToolButton;
    up->setArrowType(Qt::UpArrow);
    up->setToolTip(tr("Move the view earlier"));
    auto *down = new QToolButton;
    down->setArrowType(Qt::DownArrow);
    down->setToolTip(tr("Move the view later"));
    // Arrow buttons have no text: without a name a screen reader says only "button".
    for (QToolButton *b : {up, down})
        b->setAccessibleName(b->toolTip());
    auto *buttons = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{add, update, remove, up, down})
        buttons->addWidget(w);
    connect(add, &QPushButton::clicked, this, [this] {
        emit captureRequested(-1);
        // The new view is the current one, so that the caption typed next is its own.
        setCurrentIndex(m_list->count() - 1);
        m_caption->setFocus(Qt::OtherFocusReason);
    });
    m_update = update;
    connect(update, &QPushButton::clicked, this, [this] {
        if (currentIndex() >= 0)
            emit captureRequested(currentIndex());
    });
    connect(remove, &QPushButton::clicked, this, &ViewsPanel::removeCurrent);
    connect(up, &QToolButton::clicked, this, [this] { move(-1); });
    connect(down, &QToolButton::clicked, this, [this] { move(+1); });
    return buttons;
}

// A click or Enter shows a view; a new current row shows its caption; F2 renames it.
void ViewsPanel::connectList()
{
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { emit applyRequested(m_list->row(item)); });
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { emit applyRequested(m_list->row(item)); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        const QSignalBlocker block(m_caption);
        const auto &views = m_document->brief().views;
        m_caption->setPlainText(row >= 0 && row < views.size() ? views[row].caption : QString());
        nameUpdateButton();
    });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const int row = m_list->row(item);
        QList<SavedView> views = m_document->brief().views;
        if (row >= 0 && row < views.size() && !item->text().trimmed().isEmpty() && views[row].name != item->text()) {
            views[row].name = item->text().trimmed();
            m_document->editViews(views, tr("Rename view"));
        }
    });
    // Right-click (or the menu key) on a view: which charts belong to it.
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QListWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QListWidgetItem *item = m_list->itemAt(pos);
        ViewChartsMenu menu(m_document, item ? m_list->row(item) : currentIndex(), this);
        if (!menu.isEmpty())
            menu.exec(m_list->viewport()->mapToGlobal(pos));
    });
}

void ViewsPanel::nameUpdateButton()
{
    // Update replaces a view with the map as it is now: the button says which, and it is undoable.
    const int row = currentIndex();
    const auto &views = m_document->brief().views;
    m_update->setEnabled(row >= 0 && row < views.size());
    m_update->setToolTip(SafeText::toolTip(
        m_update->isEnabled() ? tr("Replace the view \u201c%1\u201d with the map as it is now (Undo restores it)").arg(views[row].name)
                              : tr("Select a view to replace it with the map as it is now")));
}

int ViewsPanel::currentIndex() const { return m_list->currentRow(); }
void ViewsPanel::setCurrentIndex(int index) { m_list->setCurrentRow(index); }

void ViewsPanel::reload()
{
    const int row = m_list->currentRow();
    const QSignalBlocker block(m_list);
    m_list->clear();
    const auto &views = m_document->brief().views;
    for (int i = 0; i < views.size(); ++i) {
        auto *item = new QListWidgetItem(views[i].name, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        item->setToolTip(SafeText::toolTip(views[i].caption));
    }
    m_list->setCurrentRow(std::min(row, int(views.size()) - 1));
    // Set only when it differs: each keystroke in the caption is an edit that reloads the panel,
    // and setting the same text again would put the cursor back at the start.
    const QString caption = m_list->currentRow() >= 0 ? views[m_list->currentRow()].caption : QString();
    if (m_caption->toPlainText() != caption) {
        const QSignalBlocker blockCaption(m_caption);
        m_caption->setPlainText(caption);
    }
    nameUpdateButton();
}

void ViewsPanel::move(int delta)
{
    const int from = currentIndex(), to = from + delta;
    QList<SavedView> views = m_document->brief().views;
    if (from < 0 || to < 0 || to >= views.size())
        return;
    views.move(from, to);
    m_document->editViews(views, tr("Move view"));
    m_list->setCurrentRow(to);
}

void ViewsPanel::removeCurrent()
{
    const int row = currentIndex();
    QList<SavedView> views = m_document->brief().views;
    if (row < 0 || row >= views.size())
        return;
    views.removeAt(row);
    m_document->editViews(views, tr("Delete view"));
}

} // namespace spheres
