#pragma once

#include <QHash>
#include <QSet>
#include <QTextCharFormat>
#include <QWidget>

class QTextBrowser;

namespace spheres {

struct Brief;

/// The whole narrative, with each claim's sentence marked by its stance (tint, symbol and
/// word). Clicking a sentence selects its claim; sentences about the selected region are
/// underlined, the focused claim is framed.
class NarrativePanel : public QWidget
{
    Q_OBJECT
public:
    explicit NarrativePanel(QWidget *parent = nullptr);

    void setBrief(const Brief *brief);
    /// Claims to mark as concerning the current selection.
    void setMarkedClaims(const QStringList &ids);
    void setFocusedClaim(const QString &id);
    QString html() const;

signals:
    void claimActivated(const QString &id);
    void claimHovered(const QString &id); ///< empty when the pointer leaves a claim

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    /// Where each claim's sentence is in the document, with its format as built (unmarked).
    void findSpans();
    /// Marks or unmarks one claim's sentence in place: a click marks the claims of what it
    /// selects without laying out the whole narrative again.
    void setMarked(const QString &id, bool marked);
    void describe();

    struct Span
    {
        int start = 0, end = 0;
        QTextCharFormat format;
    };
    const Brief *m_brief = nullptr;
    QStringList m_marked;
    QSet<QString> m_markedSet;
    QHash<QString, Span> m_spans;
    QString m_focused;
    QTextBrowser *m_browser = nullptr;
};

} // namespace spheres
