#pragma once

#include <QString>
#include <QTextDocument>
#include <QVariant>

namespace spheres {

/// The one home of the rule "text from a file is always text": what a brief, a layer or a
/// narrative says is escaped wherever HTML or XML is built from it (an `<img src='/dev/zero'>`
/// that slipped through would make Qt read until memory runs out).
class SafeText
{
public:
    /// `text` escaped for HTML element content and quoted attributes: & < > " and '
    /// (QString::toHtmlEscaped leaves ' alone, which lets a value close an attribute quoted with it).
    static QString html(const QString &text);
    /// `text` without the characters XML 1.0 cannot hold (controls other than tab, line feed and
    /// carriage return, lone surrogates, U+FFFE and U+FFFF), which would make a document invalid.
    static QString xml(const QString &text);
    /// A tooltip that shows `text` as it is: Qt guesses whether a tooltip is rich text, so the
    /// escaped text is wrapped in a paragraph that keeps its line breaks (and lets long lines wrap).
    static QString toolTip(const QString &text);
};

/// A rich-text document that loads no resource: every image it names is one transparent pixel,
/// every style sheet empty. Qt asks a document's loadResource() before any resource provider,
/// and its own reads files, so only a subclass can refuse. (QLabel's document cannot be
/// replaced: what a label shows is escaped instead.)
class SafeTextDocument : public QTextDocument
{
public:
    using QTextDocument::QTextDocument;
    /// What every resource is.
    static QVariant noResource();

protected:
    QVariant loadResource(int type, const QUrl &name) override;
};

} // namespace spheres
