def log = new File(basedir, 'build.log').text
assert log.contains('no longer matches what stubgen generates from stock')
assert log.contains('com/example/gen/Stock.java: differs')
assert log.contains('+ long onHand(String sku);')
assert !log.contains('Level.java: differs')
return true
