/**
 * Extensions of files whose content is not line-oriented text, grouped by what they hold.
 * Git usually reports these as binary already; the list also covers history where it did not
 * (text-like formats such as `.pdf` or `.eps` can pass git's binary check).
 */
const BINARY_EXTENSION_GROUPS: Readonly<Record<string, readonly string[]>> = {
  images: [
    'png', 'jpg', 'jpeg', 'jpe', 'gif', 'bmp', 'ico', 'icns', 'cur', 'tif', 'tiff', 'webp', 'avif',
    'heic', 'heif', 'psd', 'xcf', 'sketch', 'fig', 'ai', 'eps', 'raw', 'cr2', 'nef', 'dng', 'jxl', 'jp2',
    'tga', 'dds', 'exr', 'hdr', 'ktx', 'ktx2', 'pvr', 'astc', 'xd', 'afdesign', 'afphoto',
  ],
  fonts: ['ttf', 'otf', 'woff', 'woff2', 'eot', 'ttc', 'pfb', 'pfm', 'fon', 'fnt'],
  archives: [
    'zip', 'gz', 'tgz', 'bz2', 'tbz2', 'xz', 'txz', 'lz', 'lzma', 'lz4', 'zst', 'zstd', '7z', 'rar', 'tar',
    'cab', 'arj', 'z', 'br', 'jar', 'war', 'ear', 'aar', 'apk', 'aab', 'ipa', 'xapk', 'dmg', 'iso', 'img',
    'whl', 'egg', 'nupkg', 'snupkg', 'gem', 'deb', 'rpm', 'msi', 'msix', 'appx', 'pkg', 'crx', 'xpi', 'vsix',
    'unitypackage',
  ],
  executablesAndObjects: [
    'exe', 'dll', 'so', 'dylib', 'a', 'lib', 'o', 'obj', 'ko', 'elf', 'bin', 'class', 'dex',
    'pyc', 'pyo', 'pyd', 'wasm', 'node', 'pdb', 'ilk', 'exp', 'idb', 'nib', 'beam', 'rlib', 'rmeta',
    'pch', 'gch', 'swiftmodule', 'sys', 'com', 'efi', 'elc', 'luac',
  ],
  officeDocuments: [
    'pdf', 'doc', 'docx', 'dotx', 'xls', 'xlsx', 'xlsm', 'xlsb', 'ppt', 'pptx', 'pps', 'ppsx',
    'odt', 'ods', 'odp', 'odg', 'key', 'numbers', 'pages', 'vsd', 'vsdx', 'pub', 'one', 'mpp', 'epub',
    'mobi', 'chm', 'xps',
  ],
  media: [
    'mp3', 'mp4', 'm4a', 'm4v', 'wav', 'ogg', 'oga', 'ogv', 'opus', 'flac', 'aac', 'wma', 'aiff', 'aif',
    'mid', 'midi', 'mov', 'avi', 'mkv', 'webm', 'wmv', 'flv', 'mpg', 'mpeg', '3gp', 'caf', 'amr', 'swf',
    'fla',
  ],
  dataStoresAndModels: [
    'sqlite', 'sqlite3', 'db', 'db3', 'mdb', 'accdb', 'dbf', 'parquet', 'avro', 'orc', 'feather', 'arrow',
    'h5', 'hdf5', 'hdf', 'nc', 'npy', 'npz', 'mat', 'pkl', 'pickle', 'joblib', 'pt', 'pth', 'ckpt',
    'safetensors', 'onnx', 'tflite', 'pb', 'mlmodel', 'gguf', 'ggml', 'rdata', 'rds', 'sav', 'dta', 'xpt',
    'mo', 'realm', 'lmdb', 'ldb', 'sst',
  ],
  modelsAndGameAssets: [
    'blend', 'fbx', 'glb', '3ds', 'max', 'c4d', 'ma', 'mb', 'usdz', 'uasset', 'umap', 'pak', 'assetbundle',
  ],
  keysAndCertificates: ['jks', 'keystore', 'p12', 'pfx', 'der', 'cer', 'gpg', 'kdbx', 'mobileprovision'],
};

/** Every binary extension, lower-case, with its dot (`'.png'`). */
export const BINARY_EXTENSIONS: ReadonlySet<string> = new Set(
  Object.values(BINARY_EXTENSION_GROUPS).flatMap((extensions) => extensions.map((extension) => `.${extension}`)),
);
