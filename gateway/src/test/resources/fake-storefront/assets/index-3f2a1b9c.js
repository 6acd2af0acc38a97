// The gateway's tests serve this file as a content-hashed asset, with .br and .gz siblings.
document.getElementById('app').textContent = 'fake storefront'
