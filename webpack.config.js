/* eslint-disable no-undef */
/**
 * Builds the add-in in the layout of Microsoft's shared-runtime template (Excel-Custom-Functions-Shared):
 * custom-functions-metadata-plugin writes functions.json from the JSDoc in src/functions/functions.ts (and appends the
 * CustomFunctions.associate calls), HtmlWebpackPlugin builds taskpane.html, which loads both bundles and so hosts the
 * task pane and the functions in one runtime, and the manifest and icons are copied to dist/.
 *
 *   npm run build                      production build in dist/, URLs https://localhost:3000/
 *   KC_ADDIN_URL=https://host/kc/ npm run build    (or: npx webpack --mode production --env url=https://host/kc/)
 *                                      production build with the manifest's URLs rewritten to that base URL
 *   npm run dev-server                 https://localhost:3000 with office-addin-dev-certs
 */
const devCerts = require('office-addin-dev-certs');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const path = require('path');

const urlDev = 'https://localhost:3000/';
const port = 3000;

async function getHttpsOptions() {
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/** The production base URL: https, ending in "/"; undefined keeps the dev URLs. */
function productionUrl(env) {
  const raw = (env && env.url) || process.env.KC_ADDIN_URL;
  if (!raw) return undefined;
  const url = raw.endsWith('/') ? raw : `${raw}/`;
  if (!/^https:\/\/[^\s/]+/.test(url)) throw new Error(`KC_ADDIN_URL must be an https:// URL, not "${raw}"`);
  return url;
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const urlProd = dev ? undefined : productionUrl(env);
  if (!dev && !urlProd) {
    console.warn(`[kc] KC_ADDIN_URL not set: dist/manifest.xml keeps the development URLs (${urlDev}).`);
  }

  const config = {
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      // The guard first: outside Excel it gives the appended CustomFunctions.associate calls somewhere to go.
      functions: ['./src/functions/registrationGuard.ts', './src/functions/functions.ts'],
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { configFile: path.resolve(__dirname, 'tsconfig.web.json') },
          },
        },
      ],
    },
    performance: {
      // decimal.js and the model make the functions bundle larger than webpack's web default; it loads once per session.
      maxAssetSize: 512 * 1024,
      maxEntrypointSize: 512 * 1024,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: 'functions.json',
        input: './src/functions/functions.ts',
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane', 'functions'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: 'assets/*.png',
            to: 'assets/[name][ext][query]',
          },
          {
            from: 'src/taskpane/help.html',
            to: 'help.html',
          },
          {
            from: 'src/taskpane/taskpane.css',
            to: 'taskpane.css',
          },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform(content) {
              return urlProd ? content.toString().split(urlDev).join(urlProd) : content;
            },
          },
        ],
      }),
    ],
    devServer: {
      headers: {
        'Access-Control-Allow-Origin': '*',
      },
      server: {
        type: 'https',
        options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await getHttpsOptions(),
      },
      port: process.env.npm_package_config_dev_server_port || port,
    },
  };

  return config;
};
