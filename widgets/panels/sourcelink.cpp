#include "sourcelink.h"

#include "safetext.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QMessageBox>
#include <QPushButton>

namespace spheres {

QUrl SourceLink::webAddress(const QString &address)
{
    const QUrl url(address.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    return scheme == u"http" || scheme == u"https" ? url : QUrl();
}

QString SourceLink::html(const QString &text, const QString &address)
{
    const QUrl url = webAddress(address);
    if (!url.isValid())
        return address.isEmpty() || address == text ? SafeText::html(text)
                                                    : QStringLiteral("%1 (%2)").arg(SafeText::html(text), SafeText::html(address));
    // The encoded form holds no quote or angle bracket; escaping keeps & as it must be in HTML.
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(SafeText::html(QString::fromLatin1(url.toEncoded())), SafeText::html(text));
}

bool SourceLink::confirmAndOpen(QWidget *parent, const QString &link)
{
    const QUrl url = webAddress(link);
    if (!url.isValid())
        return false;
    QMessageBox box(QMessageBox::Question, tr("Open source"), tr("Open this address in the web browser?\n\n%1").arg(url.toDisplayString()),
                    QMessageBox::NoButton, parent);
    box.setTextFormat(Qt::PlainText);
    QPushButton *open = box.addButton(tr("&Open"), QMessageBox::AcceptRole);
    QPushButton *copy = box.addButton(tr("&Copy address"), QMessageBox::ActionRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(open);
    box.exec();
    if (box.clickedButton() == copy)
        QGuiApplication::clipboard()->setText(url.toString());
    if (box.clickedButton() != open)
        return false;
    return QDesktopServices::openUrl(url);
}

} // namespace spheres
