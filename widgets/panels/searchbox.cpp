#include "searchbox.h"

#include <QCompleter>
#include <QStringListModel>

namespace spheres {

SearchBox::SearchBox(QWidget *parent) : QLineEdit(parent)
{
    setPlaceholderText(tr("Search regions, pipelines, zones, claims…"));
    setClearButtonEnabled(true);
    setMinimumWidth(260);
    setAccessibleName(tr("Search"));
    setAccessibleDescription(tr("Find a region, group, pipeline, zone or claim; Enter goes to it on the map."));
    m_model = new QStringListModel(this);
    auto *completer = new QCompleter(m_model, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setMaxVisibleItems(12);
    setCompleter(completer);
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this, &SearchBox::activate);
    connect(this, &QLineEdit::returnPressed, this, [this] { activate(text()); });
}

void SearchBox::setEntries(const QList<Entry> &entries)
{
    m_entries = entries;
    QStringList texts;
    for (const Entry &e : entries)
        texts << e.text;
    m_model->setStringList(texts);
}

std::optional<SearchBox::Entry> SearchBox::match(const QString &typed) const
{
    const QString text = typed.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    for (const Entry &e : m_entries)
        if (e.text.compare(text, Qt::CaseInsensitive) == 0)
            return e;
    for (const Entry &e : m_entries)
        if (e.text.startsWith(text, Qt::CaseInsensitive))
            return e;
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    for (const Entry &e : m_entries)
        if (std::all_of(words.begin(), words.end(), [&e](const QString &w) { return e.text.contains(w, Qt::CaseInsensitive); }))
            return e;
    return std::nullopt;
}

void SearchBox::activate(const QString &text)
{
    if (const auto entry = match(text))
        emit found(entry->kind, entry->target);
}

} // namespace spheres
