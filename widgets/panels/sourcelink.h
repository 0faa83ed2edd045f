#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

class QWidget;

namespace spheres {

/// The addresses of sources, which come from files: only a web address (http or https, with a
/// host) is ever a link, and a click on it first shows the whole address and asks. Anything else
/// (`file:`, `javascript:`, a relative path) is shown as text and never handed to the desktop.
class SourceLink
{
    Q_DECLARE_TR_FUNCTIONS(SourceLink)

public:
    /// The web address `address` stands for, or an invalid QUrl when it is not one.
    static QUrl webAddress(const QString &address);
    /// An `<a>` to the address for `text` (escaped), or the escaped text and address when the
    /// address is not a web address.
    static QString html(const QString &text, const QString &address);
    /// Whether `link` is one that html() made.
    static bool isSourceLink(const QString &link) { return webAddress(link).isValid(); }
    /// Shows the address and opens it in the browser if the reader agrees; refuses anything
    /// but a web address. Returns whether it was handed to the desktop.
    static bool confirmAndOpen(QWidget *parent, const QString &link);
};

} // namespace spheres
