#pragma once

#include <QHash>
#include <QTextEdit>
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
    /// The claims marked or framed, the focused one last (what a reader sees styled). Only those
    /// within a screen of the shown text carry their mark at a time.
    QStringList decoratedClaims() const;

signals:
    void claimActivated(const QString &id);
    void claimHovered(const QString &id); ///< empty when the pointer leaves a claim

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();
    /// Where each claim's sentence is in the document, with its format as built (unmarked).
    void findSpans();
    struct Span
    {
        int start = 0, end = 0;
    };
    QTextEdit::ExtraSelection selectionOf(const Span &span) const;
    /// Draws the marks and the focused claim's frame over the text (see decorate's comment).
    void decorate();
    /// The text a reader sees at this scroll, with a screen above and below: in pixels and in
    /// document positions (whole paragraphs). Nothing while the panel is not shown.
    struct Reach
    {
        int top = 0, bottom = 0;
        int from = 0, to = 0;
    };
    Reach reachAround(int scroll) const;
    bool isDecoratedAround(int scroll) const;
    /// Scrolls the claim's paragraph into view if it is not.
    void scrollTo(const QString &id);
    void describe();

    const Brief *m_brief = nullptr;
    QStringList m_marked;
    QStringList m_decorated;
    Reach m_reach;
    QHash<QString, Span> m_spans;
    QString m_focused;
    QTextBrowser *m_browser = nullptr;
};

} // namespace spheres
