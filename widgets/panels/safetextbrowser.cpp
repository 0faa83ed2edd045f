#include "safetextbrowser.h"

#include "safetext.h"

namespace spheres {

SafeTextBrowser::SafeTextBrowser(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
}

QVariant SafeTextBrowser::loadResource(int, const QUrl &) { return SafeTextDocument::noResource(); }

} // namespace spheres
