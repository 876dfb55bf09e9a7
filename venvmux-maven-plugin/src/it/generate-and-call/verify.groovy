def log = new File(basedir, 'build.log').text
def gen = new File(basedir, 'target/generated-sources/venvmux/com/example/gen')
assert new File(gen, 'Catalog.java').isFile()
assert new File(gen, 'Item.java').isFile()
// the short overload leaves out the defaulted parameter: Python applies "!"
assert log.contains('Hello, Ada!')
assert log.contains('Hello, Ada?')
assert log.contains('Item[name=pen, price=1.5]')
return true
