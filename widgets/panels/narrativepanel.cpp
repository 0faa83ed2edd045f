#include "narrativepanel.h"

#include "brief.h"
#include "safetextbrowser.h"
#include "internallink.h"
#include "safetext.h"
#include "stancestyle.h"
#include "mapstyle.h"

#include <QEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QAbstractTextDocumentLayout>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace spheres {

NarrativePanel::NarrativePanel(QWidget *parent) : QWidget(parent)
{
    m_browser = new SafeTextBrowser;
    m_browser->setOpenLinks(false);
    m_browser->setAccessibleName(tr("Narrative"));
    setAccessibleName(tr("Narrative"));
    setFocusProxy(m_browser);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    connect(m_browser, qOverload<const QUrl &>(&QTextBrowser::highlighted), this, [this](const QUrl &url) {
        const auto target = InternalLink::parse(url);
        emit claimHovered(target && target->kind == InternalLink::Kind::Claim ? target->id : QString());
    });
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (const auto target = InternalLink::parse(url); target && target->kind == InternalLink::Kind::Claim)
            emit claimActivated(target->id);
    });
    // Marks follow the reader down the text (see decorate()).
    const auto follow = [this] {
        if (!isDecoratedAround(m_browser->verticalScrollBar()->value()))
            decorate();
    };
    connect(m_browser->verticalScrollBar(), &QScrollBar::valueChanged, this, follow);
    connect(m_browser->verticalScrollBar(), &QScrollBar::rangeChanged, this, follow);
}

void NarrativePanel::setBrief(const Brief *brief)
{
    m_brief = brief;
    rebuild();
}

void NarrativePanel::setMarkedClaims(const QStringList &ids)
{
    if (ids == m_marked)
        return;
    m_marked = ids;
    decorate();
    describe();
}

QTextEdit::ExtraSelection NarrativePanel::selectionOf(const Span &span) const
{
    QTextEdit::ExtraSelection selection;
    selection.cursor = QTextCursor(m_browser->document());
    selection.cursor.setPosition(span.start);
    selection.cursor.setPosition(span.end, QTextCursor::KeepAnchor);
    return selection;
}

NarrativePanel::Reach NarrativePanel::reachAround(int scroll) const
{
    const int height = m_browser->viewport()->height();
    if (!m_browser->isVisible() || height <= 0)
        return {0, 0, 0, 0}; // nothing is seen: showEvent() decorates
    QAbstractTextDocumentLayout *layout = m_browser->document()->documentLayout();
    const int top = scroll - height, bottom = scroll + 2 * height;
    QTextBlock first = m_browser->document()->findBlock(std::max(0, layout->hitTest(QPointF(0, std::max(0, top)), Qt::FuzzyHit)));
    // Walked down rather than hit: the text below the screen may not be laid out yet, and asking
    // for a block's box lays it out.
    QTextBlock last = first;
    while (last.next().isValid() && layout->blockBoundingRect(last.next()).top() < bottom)
        last = last.next();
    return {top, bottom, first.position(), last.position() + last.length()};
}

bool NarrativePanel::isDecoratedAround(int scroll) const
{
    const int height = m_browser->viewport()->height();
    return m_reach.top <= scroll && scroll + height <= m_reach.bottom;
}

void NarrativePanel::decorate()
{
    // Marks and the focus frame are painted over the laid-out text, never written into the
    // document: a click on a region of a 5,000-claim brief then lays out nothing again. So a mark
    // is an underline and a thin outline of the glyphs (bold would change the line breaks).
    // Inside an (empty) edit block a cursor does not lay out the block it is moved to in order to
    // remember its x: without it, marking a country's 200 claims laid out 200 paragraphs.
    // Qt measures every mark it is given (QTextEdit::setExtraSelections), and a country of a
    // 5,000-claim brief has hundreds: only the marks within a screen of what is shown are made,
    // and scrolling past them makes the next ones.
    m_reach = reachAround(m_browser->verticalScrollBar()->value());
    QTextCursor noLayout(m_browser->document());
    noLayout.beginEditBlock();
    QList<QTextEdit::ExtraSelection> selections;
    QStringList decorated;
    const bool dark = MapStyle::isDarkPalette(palette());
    for (const QString &id : std::as_const(m_marked)) {
        const auto span = m_spans.constFind(id);
        if (span == m_spans.constEnd() || id == m_focused) // the focused claim's frame says more than a mark
            continue;
        decorated << id;
        if (span->end <= m_reach.from || span->start >= m_reach.to)
            continue;
        QTextEdit::ExtraSelection mark = selectionOf(*span);
        mark.format.setFontUnderline(true);
        mark.format.setTextOutline(QPen(StanceStyle::textOnTint(dark), 0.6));
        selections << mark;
    }
    const Claim *focused = m_brief ? m_brief->claim(m_focused) : nullptr;
    if (const auto span = m_spans.constFind(m_focused); focused && span != m_spans.constEnd()) {
        decorated << m_focused;
        QTextEdit::ExtraSelection frame = selectionOf(*span);
        frame.format.setBackground(StanceStyle::colour(focused->stance, dark));
        frame.format.setForeground(StanceStyle::textOnColour(focused->stance, dark));
        selections << frame;
    }
    noLayout.endEditBlock();
    m_browser->setExtraSelections(selections);
    m_decorated = decorated;
}

QStringList NarrativePanel::decoratedClaims() const { return m_decorated; }

void NarrativePanel::scrollTo(const QString &id)
{
    const auto span = m_spans.constFind(id);
    if (span == m_spans.constEnd())
        return;
    const QTextBlock block = m_browser->document()->findBlock(span->start);
    const QRectF box = m_browser->document()->documentLayout()->blockBoundingRect(block);
    QScrollBar *bar = m_browser->verticalScrollBar();
    const int viewport = m_browser->viewport()->height();
    if (box.top() < bar->value() || box.bottom() > bar->value() + viewport)
        bar->setValue(int(box.top()) - viewport / 4);
}

void NarrativePanel::findSpans()
{
    m_spans.clear();
    for (QTextBlock block = m_browser->document()->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const auto target = InternalLink::parse(QUrl(fragment.charFormat().anchorHref()));
            if (!target || target->kind != InternalLink::Kind::Claim)
                continue;
            const int end = fragment.position() + fragment.length();
            auto span = m_spans.find(target->id);
            if (span == m_spans.end())
                m_spans.insert(target->id, {fragment.position(), end});
            else
                span->end = std::max(span->end, end);
        }
}

void NarrativePanel::setFocusedClaim(const QString &id)
{
    if (id == m_focused)
        return;
    m_focused = id;
    decorate();
    scrollTo(id); // a claim focused from the map or the panel is shown where it stands
    describe();
}

void NarrativePanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    decorate();
}

void NarrativePanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        rebuild(); // the stance tints follow the palette
}

QString NarrativePanel::html() const { return m_browser->toHtml(); }

void NarrativePanel::rebuild()
{
    const int scroll = m_browser->verticalScrollBar()->value();
    if (!m_brief) {
        m_browser->clear();
        setAccessibleDescription(QString());
        m_browser->setAccessibleDescription(QString());
        return;
    }
    const bool dark = MapStyle::isDarkPalette(palette());
    QString html = QStringLiteral("<h3>%1</h3>").arg(SafeText::html(m_brief->title));
    QList<QList<const Claim *>> byParagraph(m_brief->paragraphs.size());
    for (const Claim &c : m_brief->claims)
        if (c.paragraph >= 0 && c.paragraph < byParagraph.size())
            byParagraph[c.paragraph] << &c;
    for (int p = 0; p < m_brief->paragraphs.size(); ++p) {
        QString text = SafeText::html(m_brief->paragraphs[p]);
        // Mark each claim's sentence where it stands in the paragraph (last first keeps offsets).
        QList<const Claim *> &claims = byParagraph[p];
        std::sort(claims.begin(), claims.end(), [](const Claim *a, const Claim *b) { return a->sentence > b->sentence; });
        for (const Claim *c : claims) {
            const QString sentence = SafeText::html(c->text);
            const qsizetype at = text.indexOf(sentence);
            if (at < 0)
                continue;
            const QString style = QStringLiteral("background-color:%1; color:%2; text-decoration:none;")
                                      .arg(StanceStyle::tint(c->stance, dark).name(), StanceStyle::textOnTint(dark).name());
            const QString tag = QStringLiteral("<sup style='color:%1'>&nbsp;%2&nbsp;%3</sup>")
                                    .arg(StanceStyle::colour(c->stance, dark).name(), SafeText::html(StanceStyle::symbol(c->stance)),
                                         stanceLabel(c->stance).toLower());
            text.replace(at, sentence.size(),
                         QStringLiteral("<a href='%1' style='%2'>%3</a>%4").arg(InternalLink::href(InternalLink::Kind::Claim, c->id), style, sentence, tag));
        }
        html += QStringLiteral("<p style='line-height:140%'><span style='color:gray'>¶%1</span> %2</p>").arg(QString::number(p + 1), text);
    }
    m_browser->setHtml(html);
    m_browser->document()->setUndoRedoEnabled(false); // marks are no edits
    findSpans();
    decorate();
    m_browser->verticalScrollBar()->setValue(scroll);
    describe();
}

void NarrativePanel::describe()
{
    if (!m_brief)
        return;
    // Colour and underline are not read out: say which claims are marked and which is focused.
    QString description = tr("%1. Each claim's sentence is a link, marked with its stance; Tab moves through them, "
                             "Enter shows the claim on the map.").arg(m_brief->title);
    if (!m_marked.isEmpty())
        description += u' ' + tr("Claims about the selection: %1.").arg(m_marked.join(QStringLiteral(", ")));
    if (!m_focused.isEmpty())
        description += u' ' + tr("Focused claim: %1.").arg(m_focused);
    m_browser->setAccessibleDescription(description);
    setAccessibleDescription(description);
}

} // namespace spheres
