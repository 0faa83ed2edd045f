#include "viewspanel.h"

#include "briefdocument.h"

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
    m_caption = new QPlainTextEdit;
    m_caption->setPlaceholderText(tr("Caption shown with the view when presenting"));
    m_caption->setMaximumHeight(70);
    auto *add = new QPushButton(tr("Add"));
    add->setToolTip(tr("Save the current map as a new view"));
    auto *update = new QPushButton(tr("Update"));
    update->setToolTip(tr("Replace the selected view with the current map"));
    auto *remove = new QPushButton(tr("Delete"));
    auto *up = new QToolButton;
    up->setArrowType(Qt::UpArrow);
    auto *down = new QToolButton;
    down->setArrowType(Qt::DownArrow);
    auto *buttons = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{add, update, remove, up, down})
        buttons->addWidget(w);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_list, 1);
    layout->addWidget(new QLabel(tr("Caption")));
    layout->addWidget(m_caption);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, [this] { emit captureRequested(-1); });
    connect(update, &QPushButton::clicked, this, [this] {
        if (currentIndex() >= 0)
            emit captureRequested(currentIndex());
    });
    connect(remove, &QPushButton::clicked, this, &ViewsPanel::removeCurrent);
    connect(up, &QToolButton::clicked, this, [this] { move(-1); });
    connect(down, &QToolButton::clicked, this, [this] { move(+1); });
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { emit applyRequested(m_list->row(item)); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        const QSignalBlocker block(m_caption);
        const auto &views = m_document->brief().views;
        m_caption->setPlainText(row >= 0 && row < views.size() ? views[row].caption : QString());
    });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const int row = m_list->row(item);
        QList<SavedView> views = m_document->brief().views;
        if (row >= 0 && row < views.size() && !item->text().trimmed().isEmpty() && views[row].name != item->text()) {
            views[row].name = item->text().trimmed();
            m_document->editViews(views, tr("Rename view"));
        }
    });
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
        item->setToolTip(views[i].caption);
    }
    m_list->setCurrentRow(std::min(row, int(views.size()) - 1));
    const QSignalBlocker blockCaption(m_caption);
    m_caption->setPlainText(m_list->currentRow() >= 0 ? views[m_list->currentRow()].caption : QString());
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
