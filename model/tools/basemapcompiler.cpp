// Run by the build, not shipped: decodes a vendored TopoJSON base map with the model's own
// TopoJsonReader and writes what it produced as a BaseMapBinary, which the program embeds and
// Atlas::loadBuiltIn reads at every start instead of the JSON.
//
// basemapcompiler COUNTRIES.json OUT.bin
#include "atomicfile.h"
#include "basemapbinary.h"
#include "topojsonreader.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

using namespace spheres;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream err(stderr);
    if (args.size() != 3) {
        err << "usage: basemapcompiler COUNTRIES.json OUT.bin\n";
        return 2;
    }
    // The validity check is a test's (tst_topojsonreader), made once for every unit; it only
    // adds warnings and changes no unit.
    const TopoJsonReader::Result read =
        TopoJsonReader::readFile(args[1], QStringLiteral("countries"), TopoJsonReader::Checks::Shipped);
    if (!read.ok()) {
        err << read.error << '\n';
        return 1;
    }
    const QByteArray binary = BaseMapBinary::encode(read.units);
    // Read back as the program will, so that a unit the format cannot hold stops the build.
    if (const TopoJsonReader::Result check = BaseMapBinary::decode(binary, args[2]); !check.ok()) {
        err << check.error << '\n';
        return 1;
    }
    if (const QString error = AtomicFile::save(args[2], binary); !error.isEmpty()) {
        err << error << '\n';
        return 1;
    }
    return 0;
}
