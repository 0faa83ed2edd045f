#pragma once

#include <QLineEdit>

class QStringListModel;

namespace spheres {

/// Finds regions, groups, features and claims by name or words, with completion as you type.
class SearchBox : public QLineEdit
{
    Q_OBJECT
public:
    enum class Kind { Region, Group, Feature, Claim };
    struct Entry
    {
        QString text;   ///< what the user sees and types: "Kazakhstan — region"
        Kind kind;
        QString target; ///< region code, group id, feature key or claim id
    };

    explicit SearchBox(QWidget *parent = nullptr);
    void setEntries(const QList<Entry> &entries);
    /// The best entry for what was typed: exact, then prefix, then containing all words.
    std::optional<Entry> match(const QString &text) const;

signals:
    void found(spheres::SearchBox::Kind kind, const QString &target);

private:
    void activate(const QString &text);

    QList<Entry> m_entries;
    QStringListModel *m_model = nullptr;
};

} // namespace spheres
